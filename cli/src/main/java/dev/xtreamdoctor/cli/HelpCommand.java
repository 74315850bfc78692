package dev.xtreamdoctor.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor help [COMMAND...]}: the same as {@code COMMAND... --help}, for people who
 * type it the git way. Picocli's own help command takes one name, so {@code help rules check} would
 * show the help of {@code rules}; this one follows the whole path.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of xtream-doctor, or of a command (e.g. 'help rules check').")
public final class HelpCommand implements Runnable {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command, e.g. diagnose.")
  List<String> path = new ArrayList<>();

  @Override
  public void run() {
    CommandLine shown = spec.commandLine().getParent();
    for (String name : path) {
      CommandLine sub = shown.getSubcommands().get(name);
      if (sub == null) {
        throw unknown(shown, name);
      }
      shown = sub;
    }
    CommandLine root = spec.commandLine().getParent();
    shown.usage(spec.commandLine().getOut(), root.getColorScheme());
  }

  /** An unknown name, with the names there are. */
  private ParameterException unknown(CommandLine parent, String name) {
    return new ParameterException(
        spec.commandLine(),
        "unknown command '"
            + name
            + "'; the commands of '"
            + parent.getCommandName()
            + "' are: "
            + String.join(", ", parent.getSubcommands().keySet()));
  }
}
