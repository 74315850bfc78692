package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.probes.NetworkGate;
import dev.xtreamdoctor.simulator.Simulation;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * The launcher's training run for its class-data archive (see README, "The launcher"), not a
 * command: {@code java -XX:DumpLoadedClassList=F -cp xtream-doctor.jar
 * dev.xtreamdoctor.cli.StartUpTraining < facts.json}. In one JVM it runs the two commands people
 * wait for, as they run for real: {@code evaluate --facts -} on the facts given on standard input,
 * then {@code diagnose} of a healthy panel of the simulator started in this process, on loopback
 * only (the network gate refuses anything else). So the classes a diagnosis loads beyond the rules
 * (Jersey, HK2, Apache HttpClient, Parsson, dnsjava, the probes) are listed, and archived, too.
 * Prints nothing; what the commands say does not matter, only which classes they load. The list is
 * cut at {@code StartUpTraining$Diagnosing}: what comes before it makes the smaller archive that
 * {@code evaluate} maps.
 */
public final class StartUpTraining {
  private StartUpTraining() {}

  public static void main(String[] args) {
    System.setProperty(NetworkGate.LOOPBACK_ONLY_PROPERTY, "true");
    Terminal terminal = Terminal.system();
    StartUp.installDroolsSettings();
    run(terminal, "evaluate", "--facts", "-");
    // A mark in the class list: what was loaded before it is evaluate's, for its own archive.
    Diagnosing.class.getName();
    try (Simulation sim = Simulation.start("healthy-xc2")) {
      // The configuration reads the process's own environment: its resolvers as properties.
      System.setProperty("doctor.dns.system-resolvers", sim.systemResolvers());
      System.setProperty("doctor.dns.public-resolvers", sim.publicResolvers());
      Map<String, String> env = new HashMap<>(terminal.env());
      env.put(LineOptions.PASSWORD_ENV, sim.password());
      Terminal simulated =
          new Terminal(InputStream.nullInputStream(), env, false, terminal.charset());
      run(simulated, "diagnose", "--server", sim.serverUrl(), "--username", sim.username());
    }
    // The HTTP client's pool threads would keep the JVM alive a while: done is done.
    System.exit(0);
  }

  /** Loaded between the two commands, so the launcher can cut the class list there. */
  private static final class Diagnosing {}

  private static void run(Terminal terminal, String... args) {
    var cmd = XtreamDoctorCommand.commandLine(terminal, args);
    cmd.setOut(new PrintWriter(Writer.nullWriter()));
    cmd.setErr(new PrintWriter(Writer.nullWriter()));
    cmd.execute(args);
  }
}
