package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.Evaluation;
import dev.xtreamdoctor.engine.facts.DnsAnswer;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.Latency;
import dev.xtreamdoctor.engine.facts.LoginAnswer;
import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.PanelRequests;
import dev.xtreamdoctor.engine.facts.ProbeProblem;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import dev.xtreamdoctor.engine.facts.TlsHandshake;
import dev.xtreamdoctor.simulator.Account;
import dev.xtreamdoctor.simulator.DnsBehaviour;
import dev.xtreamdoctor.simulator.DnsServer;
import dev.xtreamdoctor.simulator.Overlay;
import dev.xtreamdoctor.simulator.Overlays;
import dev.xtreamdoctor.simulator.Panel;
import dev.xtreamdoctor.simulator.PanelServer;
import dev.xtreamdoctor.simulator.Sites;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each probe-observable cause, from typed input to the facts the probes emit. */
class DiagnoserScenariosTest {
  private static final String PASS = ProbeCases.PASSWORD;
  private static final String WIRE_PASS = HttpLoginProbe.encode(PASS);

  /** The first diagnosis in a JVM loads Jersey and HttpClient (about 2 s): not what tests time. */
  @BeforeAll
  static void warmUp() throws Exception {
    ProbeCases.warmUp();
  }

  static <T> List<T> of(List<Fact> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T> T one(List<Fact> facts, Class<T> type) {
    List<T> all = of(facts, type);
    assertEquals(1, all.size(), () -> type.getSimpleName() + " facts: " + all + "\nall: " + facts);
    return all.get(0);
  }

  static ProbeCases.Outcome run(String name) throws Exception {
    return ProbeCases.run(name);
  }

  static Evaluation judge(ProbeCases.Outcome o) throws Exception {
    return TestRules.engine().evaluateRules(o.facts());
  }

  @Test
  void healthyXc2PanelLogsIn() throws Exception {
    ProbeCases.Outcome o = run("healthy-xc2");
    List<Fact> f = o.facts();
    assertEquals(4, of(f, DnsAnswer.class).size(), f::toString); // system+public, A+AAAA
    TcpConnect tcp = one(f, TcpConnect.class);
    assertEquals(Outcome.TCP_CONNECTED, tcp.outcome());
    assertEquals("system", tcp.resolverRole());
    HttpResponse http = one(f, HttpResponse.class);
    assertEquals(200, http.status());
    assertEquals("json", http.bodyShape());
    assertTrue(http.signals().contains("user_info"));
    LoginAnswer login = one(f, LoginAnswer.class);
    assertEquals(Outcome.PANEL_LOGIN_OK, login.outcome());
    assertEquals("xc2", login.panelFamily());
    assertEquals(0, login.expDate());
    assertTrue(
        Math.abs(login.serverTime() - System.currentTimeMillis() / 1000) < 120, login::toString);
    assertEquals(1, login.maxConnections());
    Latency latency = one(f, Latency.class);
    assertEquals(3, latency.samples());
    assertEquals(0, latency.failures());
    assertEquals(new PanelRequests(1, 6, 1, 1, false, ""), one(f, PanelRequests.class));
    assertTrue(of(f, ProbeProblem.class).isEmpty(), f::toString);
    // exactly one request, pinned address, Host kept, player UA, credentials form-encoded
    assertEquals(1, o.seen().size());
    ProbeCases.Seen r = o.seen().get(0);
    assertTrue(r.host().startsWith(ProbeCases.HOST + ":"), r.host());
    assertEquals(ProbeSettings.DEFAULT_USER_AGENT, r.userAgent());
    assertEquals("/player_api.php?username=john&password=" + WIRE_PASS, r.target());
    assertEquals("HEALTHY", judge(o).conclusion().causeId());
  }

  @Test
  void xuiPanelIsRecognised() throws Exception {
    LoginAnswer login = one(run("healthy-xui").facts(), LoginAnswer.class);
    assertEquals("xui", login.panelFamily());
    assertEquals(0, login.activeConnections());
    assertEquals(6, login.maxConnections());
  }

  @Test
  void credentialsRejected() throws Exception {
    ProbeCases.Outcome o = run("credentials-rejected");
    assertEquals(Outcome.PANEL_AUTH_REJECTED, one(o.facts(), LoginAnswer.class).outcome());
    assertEquals("CREDENTIALS_REJECTED", judge(o).conclusion().causeId());
  }

  @Test
  void xuiRejectedOrInactive() throws Exception {
    ProbeCases.Outcome o = run("rejected-or-inactive");
    HttpResponse http = one(o.facts(), HttpResponse.class);
    assertEquals(404, http.status());
    assertEquals(List.of("xui_padded_404"), http.signals());
    assertTrue(of(o.facts(), LoginAnswer.class).isEmpty());
    assertEquals("REJECTED_OR_INACTIVE", judge(o).conclusion().causeId());
    ProbeCases.Outcome expired = run("xui-expired");
    assertEquals(List.of("xui_padded_404"), one(expired.facts(), HttpResponse.class).signals());
    assertEquals("REJECTED_OR_INACTIVE", judge(expired).conclusion().causeId());
  }

  @Test
  void blankPasswordSendsNoLogin() throws Exception {
    ProbeCases.Outcome o = run("blank-password");
    assertTrue(o.logged().isEmpty(), "a blank login only feeds flood counters");
    assertTrue(of(o.facts(), HttpResponse.class).isEmpty());
    assertEquals("BLANK_CREDENTIALS", judge(o).conclusion().causeId());
  }

  @Test
  void xc2EmptyAnswerToALogin() throws Exception {
    ProbeCases.Outcome o = run("xc2-empty-200");
    HttpResponse http = one(o.facts(), HttpResponse.class);
    assertEquals("empty", http.bodyShape());
    assertEquals("BLANK_CREDENTIALS", judge(o).conclusion().causeId());
  }

  @Test
  void wrongPortAnswersPlainNginx404() throws Exception {
    ProbeCases.Outcome o = run("wrong-port");
    HttpResponse http = one(o.facts(), HttpResponse.class);
    assertEquals(404, http.status());
    assertEquals("nginx", http.server());
    assertFalse(http.signals().contains("xui_padded_404"));
    assertEquals("WRONG_PORT", judge(o).conclusion().causeId());
  }

  @Test
  void accountStates() throws Exception {
    LoginAnswer expired = one(run("expired").facts(), LoginAnswer.class);
    assertEquals("Expired", expired.status());
    assertTrue(
        expired.expDate() > 0 && expired.expDate() < System.currentTimeMillis() / 1000,
        expired::toString);
    assertEquals(Outcome.PANEL_LOGIN_OK, expired.outcome());
    assertEquals("Banned", one(run("banned").facts(), LoginAnswer.class).status());
    assertEquals(0, one(run("banned").facts(), LoginAnswer.class).expDate());
    assertEquals("Disabled", one(run("disabled").facts(), LoginAnswer.class).status());
    LoginAnswer full = one(run("connection-limit").facts(), LoginAnswer.class);
    assertEquals(2, full.activeConnections());
    assertEquals(2, full.maxConnections());
  }

  @Test
  void userAgentFilterShowsAsOddStatus() throws Exception {
    HttpResponse http = one(run("ua-filter").facts(), HttpResponse.class);
    assertEquals(401, http.status());
    assertEquals("html", http.bodyShape());
  }

  @Test
  void floodBlock403() throws Exception {
    HttpResponse http = one(run("flood-403").facts(), HttpResponse.class);
    assertEquals(403, http.status());
    assertEquals("empty", http.bodyShape());
  }

  @Test
  void overloaded503() throws Exception {
    assertEquals(503, one(run("overloaded-503").facts(), HttpResponse.class).status());
  }

  @Test
  void cloudflare52x() throws Exception {
    HttpResponse http = one(run("cloudflare-522").facts(), HttpResponse.class);
    assertEquals(522, http.status());
    assertEquals("cloudflare", http.server());
    assertFalse(http.cfRay().isEmpty());
    assertTrue(http.signals().contains("cloudflare_error_page"), http::toString);
  }

  @Test
  void aRedirectIsFollowedAsTheAppDoesAndItsLocationIsMasked() throws Exception {
    ProbeCases.Outcome o = run("redirect-echoing-password");
    List<HttpResponse> http = of(o.facts(), HttpResponse.class);
    assertEquals(2, http.size(), http::toString);
    HttpResponse hop = http.get(0);
    assertEquals("redirect", hop.purpose());
    assertEquals(302, hop.status());
    assertEquals(0, hop.hop());
    assertEquals(
        "http://elsewhere.example.test:1/player_api.php?username=john&password=***",
        hop.location());
    HttpResponse end = http.get(1);
    assertEquals("login", end.purpose());
    assertEquals(1, end.hop());
    assertEquals(Outcome.HTTP_REDIRECT_DEAD_END, end.outcome(), end::toString);
    assertTrue(
        end.url().startsWith("http://elsewhere.example.test:1/player_api.php?"), end::toString);
    assertEquals(1, o.logged().size());
    PanelRequests p = one(o.facts(), PanelRequests.class);
    assertEquals(1, p.logins());
    assertEquals(2, p.sent());
    assertEquals("REDIRECT_DEAD_END", judge(o).conclusion().causeId());
  }

  @Test
  void panelThatGoesSilentStopsTheDiagnosis() throws Exception {
    ProbeCases.Outcome o = run("panel-went-silent");
    List<HttpResponse> http = of(o.facts(), HttpResponse.class);
    assertEquals(2, http.size(), o.facts()::toString);
    assertEquals(Outcome.HTTP_TIMED_OUT, http.get(1).outcome());
    TcpConnect after =
        of(o.facts(), TcpConnect.class).stream()
            .filter(t -> t.stage().equals(TcpProbe.AFTER_LOGIN))
            .findFirst()
            .orElseThrow();
    assertEquals("system", after.resolverRole());
    PanelRequests p = one(o.facts(), PanelRequests.class);
    assertEquals("panel_went_silent", p.stopReason());
    assertEquals(1, p.logins());
    assertEquals(2, o.seen().size());
    assertEquals("block_check", http.get(0).purpose());
  }

  @Test
  void aPanelThatDropsTheLoginIsCheckedAgainAtTcp() throws Exception {
    ProbeCases.Outcome xc2 = run("xc2-flood-ban");
    TcpConnect after =
        of(xc2.facts(), TcpConnect.class).stream()
            .filter(t -> t.stage().equals(TcpProbe.AFTER_LOGIN))
            .findFirst()
            .orElseThrow();
    assertEquals(Outcome.TCP_TIMED_OUT, after.outcome(), xc2.facts()::toString);
    assertEquals("FLOOD_BAN", judge(xc2).conclusion().causeId());
    ProbeCases.Outcome xui = run("xui-flood-403");
    HttpResponse http = one(xui.facts(), HttpResponse.class);
    assertEquals(403, http.status());
    assertEquals("empty", http.bodyShape());
  }

  @Test
  void hangingServerGivesFactsWithinTheTotalDeadline() throws Exception {
    ProbeCases.Outcome o = run("no-http-answer");
    assertTrue(o.wallMillis() < 1500 + 1000, "took " + o.wallMillis() + " ms");
    assertEquals(Outcome.HTTP_TIMED_OUT, one(o.facts(), HttpResponse.class).outcome());
  }

  @Test
  void tricklingBodyIsCutAtTheDeadline() throws Exception {
    ProbeCases.Outcome o = run("trickled-body");
    assertTrue(o.wallMillis() < 1500 + 1000, "took " + o.wallMillis() + " ms");
    HttpResponse http = one(o.facts(), HttpResponse.class);
    assertEquals(Outcome.HTTP_BODY_TIMED_OUT, http.outcome());
    assertEquals(200, http.status());
  }

  @Test
  void emptyReplyAndReset() throws Exception {
    assertEquals(
        Outcome.HTTP_EMPTY_REPLY, one(run("empty-reply").facts(), HttpResponse.class).outcome());
    assertEquals(Outcome.HTTP_RESET, one(run("reset").facts(), HttpResponse.class).outcome());
  }

  @Test
  void plainHttpToTlsPort() throws Exception {
    HttpResponse http = one(run("http-to-tls-port").facts(), HttpResponse.class);
    assertEquals(400, http.status());
    assertTrue(http.signals().contains("plain_http_to_tls_port"));
  }

  @Test
  void httpsToPlainPortIsAProtocolMismatchAndSendsNoLogin() throws Exception {
    ProbeCases.Outcome o = run("https-to-plain-port");
    assertEquals(Outcome.TLS_PROTOCOL_MISMATCH, one(o.facts(), TlsHandshake.class).outcome());
    assertTrue(of(o.facts(), HttpResponse.class).isEmpty());
  }

  @Test
  void closedPortIsRefusedAndNothingAboveRuns() throws Exception {
    List<Fact> f = run("port-refused").facts();
    assertEquals(Outcome.TCP_REFUSED, one(f, TcpConnect.class).outcome());
    assertTrue(of(f, HttpResponse.class).isEmpty());
    assertTrue(of(f, Latency.class).isEmpty());
    assertTrue(of(f, ProbeProblem.class).isEmpty());
  }

  @Test
  void fullAcceptQueueTimesOut() throws Exception {
    TcpConnect tcp = one(run("connect-timeout").facts(), TcpConnect.class);
    assertEquals(Outcome.TCP_TIMED_OUT, tcp.outcome());
    assertTrue(tcp.millis() >= 250, tcp::toString);
  }

  @Test
  void ispDnsTamperingNeverGetsTheCredentials() throws Exception {
    ProbeCases.Outcome o = run("isp-dns-tampering");
    List<Fact> f = o.facts();
    List<TcpConnect> tcp = of(f, TcpConnect.class);
    assertEquals(2, tcp.size(), f::toString);
    // the block server got no credentials; the comparison through the public address did
    assertTrue(
        of(f, HttpResponse.class).stream().noneMatch(h -> h.purpose().equals("login")),
        f::toString);
    HttpResponse login =
        of(f, HttpResponse.class).stream()
            .filter(h -> h.purpose().equals("public_login"))
            .findFirst()
            .orElseThrow();
    assertEquals("127.0.0.1", login.address());
    assertEquals("public", login.resolverRole());
    HttpResponse check =
        of(f, HttpResponse.class).stream()
            .filter(h -> h.purpose().equals("block_check"))
            .findFirst()
            .orElseThrow();
    assertEquals("127.0.0.2", check.address());
    assertEquals("system", check.resolverRole());
    assertTrue(check.signals().contains("block_page"), check::toString);
    assertEquals(2, o.logged().size(), o.logged()::toString);
    for (var r : o.logged()) {
      assertEquals(r.server().equals("panel"), r.hadPassword(), r::toString);
    }
  }

  @Test
  void theBlockCheckAndTheLoginNeverOverlap() throws Exception {
    Overlay slow = Overlays.slow(Duration.ofMillis(150));
    try (PanelServer panel =
            PanelServer.builder(Panel.xc2(Account.active("john", PASS)))
                .name("panel")
                .overlay(slow)
                .secret(PASS)
                .start();
        PanelServer block =
            PanelServer.builder(Sites.ispBlockPage())
                .name("block")
                .bindAddress("127.0.0.2")
                .port(panel.port())
                .overlay(slow)
                .start();
        DnsServer system = ProbeCases.resolver("system", DnsBehaviour.hijack("127.0.0.2"));
        DnsServer pub = ProbeCases.resolver("public", DnsBehaviour.answer("127.0.0.1"))) {
      ProbeCases.diagnose(
          "http://" + ProbeCases.HOST + ":" + panel.port(),
          "john",
          PASS,
          ProbeCases.settings(system.hostPort(), pub.hostPort()),
          TlsTrust.system());
      assertEquals(1, panel.requests().size());
      assertEquals(1, block.requests().size());
      long apart =
          Math.abs(
              Duration.between(panel.requests().get(0).time(), block.requests().get(0).time())
                  .toMillis());
      assertTrue(apart >= 140, "requests " + apart + " ms apart: they overlapped");
    }
  }

  @Test
  void hostNotFoundVariants() throws Exception {
    List<Fact> nx = run("nxdomain").facts();
    assertTrue(
        of(nx, DnsAnswer.class).stream()
            .allMatch(a -> a.outcome().equals(Outcome.DNS_NAME_NOT_RESOLVED)));
    assertEquals("NXDOMAIN", of(nx, DnsAnswer.class).get(0).rcode());
    assertTrue(of(nx, TcpConnect.class).isEmpty());
    List<Fact> sf = run("servfail").facts();
    assertTrue(
        of(sf, DnsAnswer.class).stream().allMatch(a -> a.outcome().equals(Outcome.DNS_FAILED)));
    List<Fact> silent = run("dns-silent").facts();
    assertTrue(
        of(silent, DnsAnswer.class).stream()
            .allMatch(a -> a.outcome().equals(Outcome.DNS_TIMED_OUT)));
    List<Fact> mixed = run("dns-refused-nodata").facts();
    assertTrue(
        of(mixed, DnsAnswer.class).stream()
            .allMatch(
                a ->
                    a.outcome()
                        .equals(
                            a.resolverRole().equals("system")
                                ? Outcome.DNS_REFUSED
                                : Outcome.DNS_NO_DATA)));
    List<DnsAnswer> truncated = of(run("dns-truncated").facts(), DnsAnswer.class);
    assertTrue(
        truncated.stream()
            .filter(a -> a.recordType().equals("A"))
            .allMatch(a -> a.addresses().equals(List.of("127.0.0.1"))),
        truncated::toString);
  }

  @Test
  void tlsOutcomes() throws Exception {
    ProbeCases.Outcome ok = run("tls-ok");
    assertEquals(Outcome.TLS_OK, one(ok.facts(), TlsHandshake.class).outcome());
    assertEquals(Outcome.PANEL_LOGIN_OK, one(ok.facts(), LoginAnswer.class).outcome());
    assertEquals(
        Outcome.TLS_CERT_UNTRUSTED,
        one(run("tls-self-signed").facts(), TlsHandshake.class).outcome());
    assertEquals(
        Outcome.TLS_CERT_EXPIRED, one(run("tls-expired").facts(), TlsHandshake.class).outcome());
    ProbeCases.Outcome wrong = run("tls-wrong-name");
    assertEquals(Outcome.TLS_CERT_NAME_MISMATCH, one(wrong.facts(), TlsHandshake.class).outcome());
    assertTrue(wrong.logged().isEmpty(), "no credentials over a connection the app would refuse");
  }

  @Test
  void pastedGetPhpLinkLogsInWithItsCredentials() throws Exception {
    ProbeCases.Outcome o = run("pasted-get-php");
    assertEquals(Outcome.PANEL_LOGIN_OK, one(o.facts(), LoginAnswer.class).outcome());
    assertEquals("/player_api.php?username=john&password=" + WIRE_PASS, o.seen().get(0).target());
    assertEquals("PASTED_URL", judge(o).conclusion().causeId());
  }

  @Test
  void spacesAroundUsernameSendExactlyOneLogin() throws Exception {
    ProbeCases.Outcome o = run("spaces-around-username");
    LoginAnswer answer = one(o.facts(), LoginAnswer.class);
    assertEquals(Outcome.PANEL_AUTH_REJECTED, answer.outcome());
    assertEquals(
        1, o.logged().size(), "no second, trimmed login: panels count refused logins toward a ban");
    PanelRequests p = one(o.facts(), PanelRequests.class);
    assertEquals(1, p.logins());
    assertEquals(1, p.distinctUsernames());
    assertEquals("SPACES_AROUND_CREDENTIALS", judge(o).conclusion().causeId());
  }

  @Test
  void bodyIsCappedAfterOneMebibyte() throws Exception {
    HttpResponse http = one(run("body-too-large").facts(), HttpResponse.class);
    assertEquals(Outcome.HTTP_TOO_LARGE, http.outcome());
    assertEquals(1 << 20, http.bodyBytes());
  }

  @Test
  void ipLiteralSkipsDns() throws Exception {
    List<Fact> f = run("ip-literal").facts();
    assertTrue(of(f, DnsAnswer.class).isEmpty());
    assertEquals("literal", one(f, TcpConnect.class).resolverRole());
  }

  @Test
  void aRefusedDestinationIsAToolProblemNotAFault() throws Exception {
    // the default public resolvers are real public addresses: the gate must refuse them
    ProbeCases.Outcome o =
        ProbeCases.site(
            ProbeCases.BASE,
            "john",
            PASS,
            s -> s.withResolvers(s.systemResolvers(), List.of("1.1.1.1", "8.8.8.8")),
            null,
            Panel.xc2(Account.active("john", PASS)));
    List<ProbeProblem> problems = of(o.facts(), ProbeProblem.class);
    assertEquals(2, problems.size(), o.facts()::toString);
    assertTrue(problems.get(0).detail().contains("refused 1.1.1.1"), problems::toString);
    assertEquals(Outcome.PANEL_LOGIN_OK, one(o.facts(), LoginAnswer.class).outcome());
  }

  @Test
  void budgetOfZeroSendsNothing() throws Exception {
    ProbeCases.Outcome o =
        ProbeCases.site(
            ProbeCases.BASE,
            "john",
            PASS,
            s -> s.withLimits(1 << 20, 0, 0),
            null,
            Panel.xc2(Account.active("john", PASS)));
    assertTrue(o.logged().isEmpty());
    PanelRequests p = one(o.facts(), PanelRequests.class);
    assertEquals("budget", p.stopReason());
    assertEquals(0, p.sent());
  }
}
