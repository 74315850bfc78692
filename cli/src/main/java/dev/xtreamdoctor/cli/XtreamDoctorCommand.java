package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.render.TextStyle;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root command. A new command is one class plus one line in {@link #COMMANDS} below; it reaches
 * the terminal through {@code @ParentCommand XtreamDoctorCommand root} and reports failures by
 * throwing {@link CliException} (one line, an exit code) — see {@link EvaluateCommand}.
 */
@Command(
    name = "xtream-doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Tells why an IPTV app cannot log in to an Xtream Codes panel, and what to do about it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:no fault found",
      " 1:a fault was diagnosed",
      " 2:bad input or usage",
      " 3:rules failed to load or to run",
      " 4:the check could not complete (no fault seen, and no working login either)",
      "70:internal error (run again with -v and report the stack trace)"
    })
public final class XtreamDoctorCommand implements Runnable {
  /**
   * The commands by name, in the order help lists them. Not in {@code @Command(subcommands)}:
   * picocli builds the model of every command it is given, by reflection, which cost a third of a
   * short run's start-up; a run that names its command only gets that one (see {@link
   * #commandLine(Terminal, String...)}). HelpTest keeps the names equal to the commands'.
   */
  static final Map<String, Class<?>> COMMANDS = commands();

  /** {@code help [COMMAND]}: needs every command built, to show the one it names. */
  private static final String HELP_COMMAND = "help";

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("diagnose", DiagnoseCommand.class);
    commands.put("watch", WatchCommand.class);
    commands.put("demo", DemoCommand.class);
    commands.put("simulate", SimulateCommand.class);
    commands.put("evaluate", EvaluateCommand.class);
    commands.put("rules", RulesCommand.class);
    commands.put("serve", ServeCommand.class);
    commands.put(HELP_COMMAND, HelpCommand.class);
    return Collections.unmodifiableMap(commands);
  }

  @Spec CommandSpec spec;
  private final Terminal terminal;

  public XtreamDoctorCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  public Terminal terminal() {
    return terminal;
  }

  /** The clock commands read the time from; tests set a shifted or faster one. */
  private java.time.Clock clock = java.time.Clock.systemDefaultZone();

  public java.time.Clock clock() {
    return clock;
  }

  /** Uses {@code clock} for the time (a watch's history); the system clock otherwise. */
  public XtreamDoctorCommand clock(java.time.Clock clock) {
    this.clock = java.util.Objects.requireNonNull(clock);
    return this;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: try 'xtream-doctor --help'");
  }

  /** The whole command line, every command in it, with this program's error handling. */
  public static CommandLine commandLine(Terminal terminal) {
    return commandLine(terminal, COMMANDS.keySet());
  }

  /**
   * The command line that will execute these arguments: what main and tests run. When the first
   * argument names a command, that command is the only one built (its parse is the same: the root
   * has no options of its own beyond help and version); otherwise all are, for help, suggestions
   * and errors; a lone --version needs none.
   */
  public static CommandLine commandLine(Terminal terminal, String... args) {
    if (args.length > 0 && COMMANDS.containsKey(args[0]) && !HELP_COMMAND.equals(args[0])) {
      return commandLine(terminal, Set.of(args[0]));
    }
    return args.length == 1 && VERSION.contains(args[0])
        ? commandLine(terminal, Set.of())
        : commandLine(terminal);
  }

  private static final Set<String> VERSION = Set.of("-V", "--version");
  private static final Set<String> HELP = Set.of("-h", "--help");

  /** Whether these arguments run a command (which may load rules), not only help or version. */
  static boolean runsACommand(String... args) {
    return args.length > 0
        && COMMANDS.containsKey(args[0])
        && !HELP_COMMAND.equals(args[0])
        && Arrays.stream(args).noneMatch(a -> HELP.contains(a) || VERSION.contains(a));
  }

  private static CommandLine commandLine(Terminal terminal, Set<String> names) {
    CommandLine cmd = new CommandLine(new XtreamDoctorCommand(terminal));
    COMMANDS.forEach(
        (name, type) -> {
          if (names.contains(name)) {
            cmd.addSubcommand(name, type);
          }
        });
    versionOnEveryCommand(cmd, terminal);
    // Help is coloured as the diagnosis is: not when NO_COLOR is non-empty (picocli would turn it
    // off for an empty one too, against no-color.org), TERM=dumb, or output is not a terminal.
    boolean colour =
        TextStyle.detect(false, false, terminal.env(), terminal.interactive(), terminal.charset())
            .colour();
    cmd.setColorScheme(Help.defaultColorScheme(colour ? Ansi.ON : Ansi.OFF));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(new Failures());
    cmd.setParameterExceptionHandler(new Failures());
    cmd.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL);
    // diagnose and evaluate end as the whole program does: one exit-code list, kept on the root.
    UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
    for (String name : List.of("diagnose", "evaluate")) {
      CommandLine sub = cmd.getSubcommands().get(name);
      if (sub != null) {
        sub.getCommandSpec()
            .usageMessage()
            .exitCodeListHeading(usage.exitCodeListHeading())
            .exitCodeList(usage.exitCodeList());
      }
    }
    return cmd;
  }

  /** -V on a command prints the version with the rules that command would use. */
  private static void versionOnEveryCommand(CommandLine cmd, Terminal terminal) {
    CommandSpec spec = cmd.getCommandSpec();
    spec.versionProvider(new VersionProvider(spec, terminal));
    cmd.getSubcommands().values().forEach(sub -> versionOnEveryCommand(sub, terminal));
  }
}
