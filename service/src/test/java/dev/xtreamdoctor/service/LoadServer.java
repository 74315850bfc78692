package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Simulation;
import java.util.List;
import java.util.Set;

/**
 * The server side of bench/serve-load.sh (not a test): a simulated healthy panel and the service in
 * front of it, with rate limits high enough for one load client. Prints one line, {@code READY
 * serviceUri panelUrl username password}, then serves until killed.
 */
public final class LoadServer {
  private LoadServer() {}

  public static void main(String[] args) throws Exception {
    Simulation sim = Simulation.start("healthy-xc2");
    ServeSettings settings =
        new ServeSettings(
                "127.0.0.1",
                0,
                List.of(Fixtures.TOKEN),
                65536,
                1_000_000,
                1_000_000,
                Integer.getInteger("diagnoses", 8),
                Integer.getInteger("evaluations", 4),
                5000,
                "'self'")
            // a budget that never runs out and no cache: every diagnosis reaches the panel (still
            // one
            // at a time, as serve always takes turns per panel)
            .withPoliteness(
                new ServeSettings.Politeness(
                    Integer.MAX_VALUE, 1000, 0, 60_000, 0, java.util.Optional.empty()));
    DoctorService s =
        DoctorService.start(
            settings,
            dev.xtreamdoctor.api.XtreamDoctor.builder()
                .probeSettings(Fixtures.probes(List.of(sim.systemResolvers()))),
            TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())));
    System.out.println(
        "READY " + s.uri() + " " + sim.serverUrl() + " " + sim.username() + " " + sim.password());
    System.out.flush();
    Thread.currentThread().join();
  }
}
