package dev.xtreamdoctor.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root command. A new command is one class plus one line in {@code subcommands} below; it
 * reaches the terminal through {@code @ParentCommand XtreamDoctor root} and reports failures by
 * throwing {@link CliException} (one line, an exit code) — see {@link EvaluateCommand}.
 */
@Command(
    name = "xtream-doctor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Tells why an IPTV app cannot log in to an Xtream Codes panel, and what to do about it."
    },
    subcommands = {
      DiagnoseCommand.class,
      DemoCommand.class,
      SimulateCommand.class,
      EvaluateCommand.class,
      RulesCommand.class,
      ServeCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:no fault found",
      " 1:a fault was diagnosed",
      " 2:bad input or usage",
      " 3:rules failed to load",
      "70:internal error (run again with -v and report the stack trace)"
    })
public final class XtreamDoctor implements Runnable {
  @Spec CommandSpec spec;
  private final Terminal terminal;

  public XtreamDoctor(Terminal terminal) {
    this.terminal = terminal;
  }

  public Terminal terminal() {
    return terminal;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: try 'xtream-doctor --help'");
  }

  /** The command line with this program's error handling: what main and tests execute. */
  public static CommandLine commandLine(Terminal terminal) {
    CommandLine cmd = new CommandLine(new XtreamDoctor(terminal));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(new Failures());
    cmd.setParameterExceptionHandler(new Failures());
    cmd.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
    // diagnose and evaluate end as the whole program does: one exit-code list, kept on the root.
    UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
    for (String name : List.of("diagnose", "evaluate")) {
      cmd.getSubcommands().get(name).getCommandSpec().usageMessage()
          .exitCodeListHeading(usage.exitCodeListHeading())
          .exitCodeList(usage.exitCodeList());
    }
    return cmd;
  }
}
