package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.PageSignals;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.ProbeProblem;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import dev.xtreamdoctor.simulator.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probes run as one chain of steps behind one signature: the listener hears the steps of the
 * login's path in order, each probe's time is its own, and a step added to the chain runs through
 * the same guarded door as the others.
 */
class ProbeChainTest {
  @BeforeAll
  static void warmUp() throws Exception {
    ProbeCases.warmUp();
  }

  private static ProbeSettings settings(Simulation sim) {
    return ProbeCases.settings(sim.systemResolvers(), sim.publicResolvers())
        .withLimits(1 << 20, 6, 2);
  }

  /** The steps a listener heard start, in order, on a catalogue scenario. */
  private static List<String> heard(String scenario) throws Exception {
    try (Simulation sim = Simulation.start(scenario)) {
      List<String> started = new CopyOnWriteArrayList<>();
      new Diagnoser(settings(sim))
          .withListener(
              new ProbeListener() {
                @Override
                public void started(String step) {
                  started.add(step);
                }
              })
          .run(ProbeRequest.of(sim.serverUrl(), sim.username(), Secret.of(sim.password())));
      return started;
    }
  }

  @Test
  void theListenerHearsTheStepsOfThePathThatApply() throws Exception {
    assertEquals(List.of("dns", "tcp", "login"), heard("healthy-xui"));
    assertEquals(List.of("dns", "tcp", "tls"), heard("self-signed-tls"));
    assertEquals(List.of("dns", "tcp", "comparison"), heard("dns-sinkhole"));
  }

  @Test
  void aStepAddedToTheChainRunsThroughTheGuardAndTheRestGoesOn() throws Exception {
    ProbeStep crashing =
        new ProbeStep() {
          @Override
          public String probe() {
            return "extra";
          }

          @Override
          public boolean appliesTo(ProbeContext context) {
            return context.target().isPresent();
          }

          @Override
          public void run(ProbeContext context) {
            throw new IllegalStateException("the extra probe fell over");
          }
        };
    List<ProbeStep> chain = new ArrayList<>(ProbeChain.STEPS);
    chain.add(chain.indexOf(ProbeChain.STEPS.get(2)), crashing);
    List<String> started = new CopyOnWriteArrayList<>();
    ProbeListener listener =
        new ProbeListener() {
          @Override
          public void started(String step) {
            started.add(step);
          }
        };
    ExecutorService pool = Executors.newCachedThreadPool();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (Simulation sim = Simulation.start("healthy-xui")) {
      ProbeRun run =
          new ProbeRun(
              settings(sim),
              TlsTrust.system(),
              TargetPolicy.any(),
              ServerInputParser.parse(sim.serverUrl()),
              ProbeRequest.of(sim.serverUrl(), sim.username(), Secret.of(sim.password())),
              pool,
              timer,
              System.nanoTime(),
              PageSignals.bundled(),
              listener);
      run.walk(chain);
      List<Fact> facts = run.networkFactsSoFar();
      ProbeProblem problem = DiagnoserScenariosTest.one(facts, ProbeProblem.class);
      assertEquals("extra", problem.probe());
      assertTrue(problem.detail().contains("the extra probe fell over"), problem::toString);
      assertEquals("login", DiagnoserScenariosTest.one(facts, HttpResponse.class).purpose());
      assertEquals(List.of("dns", "tcp", "extra", "login"), started);
      Map<String, Long> timings = run.timings();
      assertEquals(
          List.of("dns", "extra", "http", "latency", "tcp"),
          timings.keySet().stream().sorted().toList(),
          timings::toString);
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  @Test
  void aProbeGuardedInsideAnotherCountsOnlyForItself() {
    Observations seen =
        new Observations(dev.xtreamdoctor.engine.Redactor.of("secret"), ProbeListener.NONE);
    seen.guard(
        "http",
        () ->
            seen.guard(
                "tcp",
                () -> {
                  Thread.sleep(120);
                  return null;
                }));
    Map<String, Long> t = seen.timings();
    assertTrue(t.get("tcp") >= 120, t::toString);
    assertTrue(t.get("http") < 60, t::toString);
  }

  @Test
  void theComparisonConnectsThroughThePublicAddressAfterTheAppPathFailed() throws Exception {
    try (Simulation sim = Simulation.start("dns-sinkhole")) {
      DiagnosisRun run =
          new Diagnoser(settings(sim))
              .runTimed(
                  ProbeRequest.of(sim.serverUrl(), sim.username(), Secret.of(sim.password())));
      List<TcpConnect> tcp = DiagnoserScenariosTest.of(run.facts(), TcpConnect.class);
      assertEquals(
          List.of("system", "public"), tcp.stream().map(TcpConnect::resolverRole).toList());
      assertTrue(run.probeMillis().keySet().containsAll(List.of("dns", "tcp", "http")));
    }
  }
}
