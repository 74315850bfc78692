package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.simulator.Scenarios;
import dev.xtreamdoctor.simulator.Simulation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor simulate --scenario NAME}: runs a simulated panel and its resolvers on
 * loopback, and prints what to point {@code diagnose} at, for support staff to practise on.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a simulated panel and its DNS resolvers on loopback until Ctrl-C, and print how to"
          + " point 'diagnose' at it.",
      "Everything listens on 127.0.0.0/8 only; the panel's name resolves only through the printed"
          + " resolvers."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the simulation ran and stopped (Ctrl-C, SIGTERM or the end of --for)",
      " 2:bad input or usage (unknown scenario, bad scenario file, port in use)",
      "70:internal error (run again with -v and report the stack trace)"
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin Verbosity verbosity;

  @ArgGroup(exclusive = true)
  Which which;

  /** Where the scenario comes from: the catalogue or a file. */
  static final class Which {
    @Option(
        names = "--scenario",
        paramLabel = "NAME",
        description = "A scenario from the catalogue (see --list). Default: healthy-xc2.")
    String scenario;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "A scenario described in a properties or JSON file.")
    Path file;

    @Option(names = "--list", description = "List the scenarios of the catalogue and exit.")
    boolean list;
  }

  @Option(
      names = "--for",
      paramLabel = "SECONDS",
      description = "Stop after SECONDS instead of waiting for Ctrl-C (for scripts).")
  Integer seconds;

  @Override
  public Integer call() throws CliException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (which != null && which.list) {
      for (String name : Scenarios.names()) {
        out.printf("%-30s %s%n", name, Scenarios.get(name).description());
      }
      out.flush();
      return ExitCode.NO_FAULT;
    }
    if (seconds != null && seconds < 0) {
      throw CliException.badInput("--for: SECONDS must not be negative");
    }
    // Before the simulation starts: a signal while it starts still gets it closed and the exit
    // code below.
    try (StopOnSignal stop = StopOnSignal.install()) {
      try (Simulation sim = start()) {
        sim.describe().forEach(out::println);
        out.println();
        out.println("To diagnose it, paste:");
        out.println("  " + diagnoseCommandLine(sim));
        out.println();
        out.println(
            seconds == null
                ? "Running; press Ctrl-C to stop."
                : "Running for " + seconds + " s (Ctrl-C stops it sooner).");
        out.flush();
        stop.await(seconds);
      }
      out.println("Stopped.");
      out.flush();
    }
    return ExitCode.NO_FAULT;
  }

  private Simulation start() throws CliException {
    try {
      if (which != null && which.file != null) {
        return Simulation.start(which.file);
      }
      return Simulation.start(
          which == null || which.scenario == null ? "healthy-xc2" : which.scenario);
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw CliException.badInput(String.valueOf(e.getMessage()));
    }
  }

  /** A shell line with the resolver variables and the simulated line's credentials. */
  static String diagnoseCommandLine(Simulation sim) {
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, String> e : sim.environment().entrySet()) {
      line.append(e.getKey()).append('=').append(e.getValue()).append(' ');
    }
    line.append(launcher()).append(" diagnose --server ").append(shellQuoted(sim.serverUrl()));
    line.append(" --username ").append(shellQuoted(sim.username()));
    line.append(" --password ").append(shellQuoted(sim.password()));
    return line.toString();
  }

  /**
   * How the user runs this program, for the printed line: the launchers say (the release's
   * bin/xtream-doctor, the Debian package's command); the repository's launcher is the default.
   */
  static String launcher() {
    return shellQuoted(System.getProperty("xtreamdoctor.launcher", "./xtream-doctor"));
  }

  private static String shellQuoted(String s) {
    return s.matches("[A-Za-z0-9_./:@%+=-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
