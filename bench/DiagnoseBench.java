import dev.xtreamdoctor.probes.ProbeRequest;
import dev.xtreamdoctor.probes.Diagnoser;
import dev.xtreamdoctor.probes.DiagnosisRun;
import dev.xtreamdoctor.probes.ProbeSettings;
import dev.xtreamdoctor.probes.Secret;
import dev.xtreamdoctor.simulator.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * In-process diagnosis wall time on a healthy loopback panel, next to the probes' own times.
 * Run by bench/diagnose.sh with the CLI jar on the class path: java -cp JAR DiagnoseBench.java.
 */
public class DiagnoseBench {
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    String scenario = args.length > 1 ? args[1] : "healthy-xc2";
    try (Simulation sim = Simulation.start(scenario)) {
      ProbeSettings settings =
          ProbeSettings.defaults()
              .withResolvers(List.of(sim.systemResolvers()), List.of(sim.publicResolvers()))
              .withLoopbackOnly(true);
      ProbeRequest request =
          ProbeRequest.of(sim.serverUrl(), sim.username(), Secret.of(sim.password()));
      DiagnosisRun first = new Diagnoser(settings).runTimed(request);
      System.out.printf("first (cold JVM) run: %s%n", line(first));
      List<DiagnosisRun> all = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        all.add(new Diagnoser(settings).runTimed(request));
        Thread.sleep(50); // politeness: the simulator's panel is a panel too
      }
      all.sort((a, b) -> Long.compare(a.wallMillis(), b.wallMillis()));
      DiagnosisRun median = all.get(all.size() / 2);
      System.out.printf("median of %d warm runs: %s%n", runs, line(median));
      System.out.printf("warm wall min %d ms, max %d ms%n", all.get(0).wallMillis(),
          all.get(all.size() - 1).wallMillis());
    }
  }

  /** wall, per-probe times, their sum, and the dependent chain dns -> tcp -> tls -> http. */
  static String line(DiagnosisRun run) {
    Map<String, Long> p = run.probeMillis();
    long chain = p.getOrDefault("dns", 0L) + p.getOrDefault("tcp", 0L) + p.getOrDefault("tls", 0L)
        + p.getOrDefault("http", 0L);
    return String.format(
        "wall %d ms; probes %s; sum %d ms; chain dns+tcp+tls+http %d ms; wall/chain %.2f",
        run.wallMillis(), p, run.sumOfProbeMillis(), chain,
        chain == 0 ? 0.0 : (double) run.wallMillis() / chain);
  }
}
