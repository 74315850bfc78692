package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.PanelRequests;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import dev.xtreamdoctor.simulator.Simulation;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The facts of the path the app takes, on the simulator's scenarios: the system resolver's
 * addresses in order, the comparison through a public resolver's address, redirects hop by hop
 * through the gate.
 */
class AppPathTest {
  @BeforeAll
  static void warmUp() throws Exception {
    ProbeCases.warmUp();
  }

  /** One diagnosis of a catalogue scenario. */
  private static List<Fact> diagnose(String scenario) throws Exception {
    try (Simulation sim = Simulation.start(scenario)) {
      ProbeSettings s =
          ProbeCases.settings(sim.systemResolvers(), sim.publicResolvers())
              .withLimits(1 << 20, 6, 0);
      List<Fact> facts =
          new Diagnoser(s)
              .run(ProbeRequest.of(sim.serverUrl(), sim.username(), Secret.of(sim.password())));
      assertTrue(
          sim.requests().stream().noneMatch(r -> r.toString().contains(sim.password())),
          "logged without password");
      return facts;
    }
  }

  private static List<TcpConnect> connects(List<Fact> facts) {
    return DiagnoserScenariosTest.of(facts, TcpConnect.class);
  }

  private static List<HttpResponse> http(List<Fact> facts) {
    return DiagnoserScenariosTest.of(facts, HttpResponse.class);
  }

  @Test
  void theAppFallsBackToTheNextAddressInOrder() throws Exception {
    List<Fact> f = diagnose("dns-first-address-dead");
    List<TcpConnect> tcp = connects(f);
    assertEquals(2, tcp.size(), f::toString);
    assertEquals("127.0.0.77", tcp.get(0).address());
    assertEquals(1, tcp.get(0).attempt());
    assertEquals(Outcome.TCP_REFUSED, tcp.get(0).outcome());
    assertEquals("127.0.0.1", tcp.get(1).address());
    assertEquals(2, tcp.get(1).attempt());
    assertEquals(Outcome.TCP_CONNECTED, tcp.get(1).outcome());
    HttpResponse login = DiagnoserScenariosTest.one(f, HttpResponse.class);
    assertEquals("login", login.purpose());
    assertEquals("127.0.0.1", login.address());
  }

  @Test
  void aSinkholeIsNeverConnectedToAndThePublicAddressIsOnlyAComparison() throws Exception {
    List<Fact> f = diagnose("dns-sinkhole");
    List<TcpConnect> tcp = connects(f);
    assertEquals(Outcome.TCP_SKIPPED, tcp.get(0).outcome(), tcp::toString);
    assertEquals("0.0.0.0", tcp.get(0).address());
    assertEquals("public", tcp.get(1).resolverRole());
    assertEquals(List.of("public_login"), http(f).stream().map(HttpResponse::purpose).toList());
    PanelRequests p = DiagnoserScenariosTest.one(f, PanelRequests.class);
    assertEquals(1, p.logins());
  }

  @Test
  void aStaleAddressThatRefusesLeadsToTheComparison() throws Exception {
    List<Fact> f = diagnose("dns-stale-address");
    assertEquals(Outcome.TCP_REFUSED, connects(f).get(0).outcome());
    HttpResponse cmp = DiagnoserScenariosTest.one(f, HttpResponse.class);
    assertEquals("public_login", cmp.purpose());
    assertTrue(cmp.signals().contains("user_info"), cmp::toString);
  }

  @Test
  void aRedirectIsFollowedHopByHopAndReported() throws Exception {
    List<Fact> f = diagnose("moved-xc2");
    List<HttpResponse> h = http(f);
    assertEquals(List.of("redirect", "login"), h.stream().map(HttpResponse::purpose).toList());
    assertEquals(301, h.get(0).status());
    assertTrue(
        h.get(0).location().startsWith("http://new-panel.example.test:"), h.get(0)::toString);
    assertTrue(
        h.get(0).location().contains("password=***"),
        "the Location is masked: " + h.get(0).location());
    assertEquals(1, h.get(1).hop());
    assertTrue(h.get(1).url().startsWith("http://new-panel.example.test:"), h.get(1)::toString);
    assertEquals(200, h.get(1).status());
    PanelRequests p = DiagnoserScenariosTest.one(f, PanelRequests.class);
    assertEquals(2, p.sent());
    assertEquals(1, p.logins());
  }

  @Test
  void aHopTheTargetPolicyRefusesGetsNoRequestAndNoPassword() throws Exception {
    // a guard like the service's: it refuses one port, the moved panel's; the old one is allowed
    int[] refused = new int[1];
    TargetPolicy guard =
        new TargetPolicy() {
          @Override
          public Optional<String> addressRefusal(InetAddress address) {
            return Optional.empty();
          }

          @Override
          public Optional<String> portRefusal(int port) {
            return port == refused[0]
                ? Optional.of("port " + port + " is not allowed")
                : Optional.empty();
          }
        };
    try (Simulation sim = Simulation.start("moved-xc2")) {
      refused[0] = sim.panel().port();
      ProbeSettings s =
          ProbeCases.settings(sim.systemResolvers(), sim.publicResolvers())
              .withLimits(1 << 20, 6, 0);
      List<Fact> f =
          new Diagnoser(s, TlsTrust.system(), guard)
              .run(ProbeRequest.of(sim.serverUrl(), sim.username(), Secret.of(sim.password())));
      HttpResponse end = DiagnoserScenariosTest.one(f, HttpResponse.class);
      assertEquals(Outcome.HTTP_REDIRECT_REFUSED, end.outcome(), f::toString);
      assertTrue(end.detail().contains("is not allowed"), end::toString);
      assertEquals(0, sim.panel().count(), "nothing reached the refused hop");
      assertEquals(1, sim.redirector().orElseThrow().count());
    }
  }

  @Test
  void aLoopIsCaughtBeforeTheBudgetIsSpent() throws Exception {
    List<Fact> f = diagnose("redirect-loop");
    HttpResponse end = DiagnoserScenariosTest.one(f, HttpResponse.class);
    assertEquals(Outcome.HTTP_REDIRECT_LOOP, end.outcome(), f::toString);
    assertEquals(1, DiagnoserScenariosTest.one(f, PanelRequests.class).sent());
  }
}
