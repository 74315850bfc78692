package dev.xtreamdoctor.engine;

import static dev.xtreamdoctor.engine.ExampleFacts.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.Finding;
import dev.xtreamdoctor.engine.facts.Settings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which rules fire and which findings come out, for the examples and for variants of them that the
 * example files do not cover (the other ways each cause shows).
 */
class RuleFiringTest {
  private static final long T = 1_795_987_200L;
  private static final long DAY = 86_400L;

  private static Evaluation run(ExampleFacts facts) {
    return SharedRules.ENGINE.evaluateRules(facts.facts());
  }

  private static Finding only(Evaluation e, String causeId) {
    List<Finding> found = e.findings().stream().filter(f -> f.causeId().equals(causeId)).toList();
    assertEquals(1, found.size(), "findings " + causeId + " among " + causeIds(e));
    return found.get(0);
  }

  private static List<String> causeIds(Evaluation e) {
    return e.findings().stream().map(Finding::causeId).toList();
  }

  private static void assertConclusion(String category, String cause, Evaluation e) {
    assertEquals(
        category + "/" + cause,
        e.conclusion().category() + "/" + e.conclusion().causeId(),
        "findings " + causeIds(e));
  }

  private static void assertEvidence(Finding f, String... parts) {
    String all =
        String.join(
            "\n",
            f.evidence().stream()
                .map(x -> EvidenceWords.say(x, SharedRules.BOOK.catalogue()))
                .toList());
    for (String p : parts) {
      assertTrue(all.contains(p), "evidence of " + f.causeId() + " lacks \"" + p + "\":\n" + all);
    }
  }

  @Test
  void authZeroFiresTheRefusalChainAndNothingElse() {
    Evaluation e = run(ExampleFacts.of("credentials-rejected"));
    assertEquals(
        List.of(
            "Condition: the login was refused",
            "Invalid details: the panel refused the username and password (auth 0)",
            "Ranking: a fault in the login answer decides"),
        e.rulesFired());
    assertEquals(List.of("CREDENTIALS_REJECTED"), causeIds(e));
    assertEvidence(only(e, "CREDENTIALS_REJECTED"), "does not know this username and password");
  }

  @Test
  void aHealthyLineFiresOnlyTheAllClear() {
    Evaluation e = run(ExampleFacts.of("healthy"));
    assertEquals(List.of("HEALTHY"), causeIds(e));
    assertTrue(e.rulesFired().contains("All clear: the login works from here"));
    assertTrue(e.rulesFired().contains("Ranking: no fault, the login works"));
    assertFalse(e.rulesFired().contains("All clear: the check ran away from the user's network"));
    assertEvidence(
        only(e, "HEALTHY"),
        "accepted the login",
        "\"Active\"",
        "allows 2 connections, 0 are in use");
  }

  @Test
  void aSinkholeIsReportedOnceWithBothAnswersAndHidesTheRefusedConnect() {
    Evaluation e = run(ExampleFacts.of("dns-tampering"));
    assertConclusion("LOGIN_FAILED", "DNS_TAMPERING", e);
    assertTrue(
        e.rulesFired()
            .contains(
                "Condition: the system resolver gives a sinkhole address the public resolvers do not"));
    assertFalse(
        e.rulesFired().contains("Login failed: the port cannot be reached although DNS works"));
    assertEvidence(
        only(e, "DNS_TAMPERING"),
        "Your resolver (192.168.1.1) says",
        "0.0.0.0 (an address that leads nowhere)",
        "203.0.113.10");
    assertEquals("0.0.0.0", only(e, "DNS_TAMPERING").params().get("falseAddress"));
  }

  @Test
  void aBlockPageAtTheSystemResolversAddressIsDnsTampering() {
    Evaluation e =
        run(
            ExampleFacts.of("healthy")
                .set(
                    "DnsAnswer",
                    where("resolverRole", "system"),
                    Map.of("addresses", List.of("198.51.100.7")))
                .add(
                    "HttpResponse",
                    ExampleFacts.fields(
                        "purpose",
                        "block_check",
                        "address",
                        "198.51.100.7",
                        "resolverRole",
                        "system",
                        "outcome",
                        "http.status",
                        "status",
                        200,
                        "contentType",
                        "text/html",
                        "bodyShape",
                        "html",
                        "bodyBytes",
                        3120,
                        "server",
                        "Apache",
                        "signals",
                        List.of("block_page"),
                        "millis",
                        70)));
    assertConclusion("LOGIN_FAILED", "DNS_TAMPERING", e);
    assertTrue(
        e.rulesFired().contains("Login failed: the internet provider's DNS leads to a block page"));
    assertEvidence(only(e, "DNS_TAMPERING"), "198.51.100.7", "block page (HTTP 200");
  }

  @Test
  void aResetMidRequestWithDnsFineIsHttpBlocking() {
    Evaluation e =
        run(
            ExampleFacts.of("healthy")
                .set(
                    "HttpResponse",
                    Map.of(
                        "outcome",
                        "http.reset",
                        "status",
                        0,
                        "bodyShape",
                        "",
                        "bodyBytes",
                        0,
                        "signals",
                        List.of(),
                        "millis",
                        61))
                .remove("LoginAnswer"));
    assertConclusion("LOGIN_FAILED", "HTTP_BLOCKED", e);
    assertEvidence(only(e, "HTTP_BLOCKED"), "reset in the middle of the login request after 61 ms");
  }

  @Test
  void aWebPageInsteadOfJsonIsTheProvidersFilterButADefaultPageIsTheWrongPort() {
    ExampleFacts filtered =
        ExampleFacts.of("healthy")
            .set(
                "HttpResponse",
                Map.of(
                    "contentType",
                    "text/html",
                    "bodyShape",
                    "html",
                    "bodyBytes",
                    1200,
                    "signals",
                    List.of()))
            .set(
                "LoginAnswer",
                Map.of("outcome", "panel.answer_malformed", "auth", -1, "status", ""));
    assertConclusion("LOGIN_FAILED", "PROVIDER_FILTER", run(filtered));

    ExampleFacts defaultPage =
        ExampleFacts.of("healthy")
            .set(
                "HttpResponse",
                Map.of(
                    "contentType",
                    "text/html",
                    "bodyShape",
                    "html",
                    "signals",
                    List.of("web_server_default_page")))
            .remove("LoginAnswer");
    Evaluation e = run(defaultPage);
    assertConclusion("INVALID_DETAILS", "WRONG_PORT", e);
    assertFalse(causeIds(e).contains("PROVIDER_FILTER"));
  }

  @Test
  void aPanelThatGoesSilentAfterAnsweringHasBannedTheAddress() {
    Evaluation silent =
        run(
            ExampleFacts.of("healthy")
                .add(
                    "TcpConnect",
                    Map.of(
                        "address",
                        "203.0.113.10",
                        "port",
                        8080,
                        "resolverRole",
                        "system",
                        "outcome",
                        "tcp.timed_out",
                        "stage",
                        "after_login",
                        "millis",
                        5000)));
    assertConclusion("LOGIN_FAILED", "FLOOD_BAN", silent);
    assertEquals("tcp", only(silent, "FLOOD_BAN").layer());
    assertEvidence(only(silent, "FLOOD_BAN"), "timed out after 5000 ms");

    Evaluation stopped =
        run(
            ExampleFacts.of("healthy")
                .set(
                    "PanelRequests",
                    Map.of("sent", 4, "stoppedEarly", true, "stopReason", "panel_went_silent")));
    assertConclusion("LOGIN_FAILED", "FLOOD_BAN", stopped);
    assertEvidence(only(stopped, "FLOOD_BAN"), "after 4 of at most 6 requests");
  }

  @Test
  void aPortGivenAsAnIpAddressThatRefusesIsUnreachable() {
    Evaluation e =
        run(
            ExampleFacts.of("port-unreachable")
                .remove("DnsAnswer")
                .set(
                    "ServerInput",
                    Map.of(
                        "typed",
                        "http://203.0.113.10:8080",
                        "host",
                        "203.0.113.10",
                        "hostKind",
                        "ipv4"))
                .set(
                    "TcpConnect",
                    Map.of("resolverRole", "literal", "outcome", "tcp.refused", "millis", 3)));
    assertConclusion("LOGIN_FAILED", "PORT_UNREACHABLE", e);
    assertEvidence(
        only(e, "PORT_UNREACHABLE"),
        "the connection was refused after 3 ms",
        "given as an IP address");
  }

  @Test
  void expiryIsJudgedByTheServersClockEvenWhenTheStatusSaysActive() {
    Evaluation past =
        run(ExampleFacts.of("healthy").set("LoginAnswer", Map.of("expDate", T - 3 * DAY)));
    assertConclusion("AUTHORIZATION_FAILED", "EXPIRED", past);
    assertEvidence(
        only(past, "EXPIRED"),
        "3 days before the server's own clock",
        "ended on 26 November 2026, 21:20 UTC");

    // One hour left by the server's clock: a warning, whatever the device's clock says.
    Evaluation soon =
        run(ExampleFacts.of("healthy").set("LoginAnswer", Map.of("expDate", T + 3600)));
    assertConclusion("NO_FAULT_FOUND", "EXPIRES_SOON", soon);
    // an ISO span, said in words by each language's catalogue ("1 hour", "1 hora")
    assertEquals("PT1H", only(soon, "EXPIRES_SOON").params().get("timeLeft"));
    assertFalse(causeIds(soon).contains("EXPIRED"));

    Evaluation unlimited = run(ExampleFacts.of("healthy").set("LoginAnswer", Map.of("expDate", 0)));
    assertConclusion("NO_FAULT_FOUND", "HEALTHY", unlimited);
  }

  @Test
  void aFullLineIsTheFaultWhateverTheUserReports() {
    ExampleFacts healthy = ExampleFacts.of("healthy");
    Evaluation full =
        run(healthy.set("LoginAnswer", Map.of("activeConnections", 2, "maxConnections", 2)));
    assertConclusion("AUTHORIZATION_FAILED", "CONNECTION_LIMIT_REACHED", full);
    assertEvidence(
        only(full, "CONNECTION_LIMIT_REACHED"),
        "allows 2 connections and 2 are in use",
        "next stream");

    Evaluation over =
        run(
            ExampleFacts.of("healthy")
                .set("LoginAnswer", Map.of("activeConnections", 3, "maxConnections", 2)));
    assertConclusion("AUTHORIZATION_FAILED", "CONNECTION_LIMIT_REACHED", over);

    // max_connections 0 is unlimited, never full
    Evaluation unlimited =
        run(
            ExampleFacts.of("healthy")
                .set("LoginAnswer", Map.of("activeConnections", 5, "maxConnections", 0)));
    assertConclusion("NO_FAULT_FOUND", "HEALTHY", unlimited);
  }

  @Test
  void anotherDeviceWorkingWithAFullLineIsTheConnectionLimitNotTheDevice() {
    Evaluation e = run(ExampleFacts.of("connection-limit-reached"));
    assertFalse(causeIds(e).contains("ONE_DEVICE_FAILS"), "findings " + causeIds(e));
    assertEquals(Map.of("active", "2", "max", "2"), only(e, "CONNECTION_LIMIT_REACHED").params());
  }

  @Test
  void thresholdsComeFromTheSettingsFact() {
    DiagnosisEngine patient = new DiagnosisEngine(SharedRules.BOOK, new Settings(10_000, 500, 1));
    Evaluation slow = patient.evaluateRules(ExampleFacts.of("slow-response").facts());
    assertConclusion("NO_FAULT_FOUND", "HEALTHY", slow);
    Evaluation far = patient.evaluateRules(ExampleFacts.of("high-latency").facts());
    assertConclusion("NO_FAULT_FOUND", "HEALTHY", far);
    Evaluation ending = patient.evaluateRules(ExampleFacts.of("expires-soon").facts());
    assertConclusion("NO_FAULT_FOUND", "HEALTHY", ending);

    Evaluation strict = SharedRules.ENGINE.evaluateRules(ExampleFacts.of("slow-response").facts());
    assertEvidence(only(strict, "SLOW_RESPONSE"), "took 4800 ms", "slower than 3000 ms");
  }

  @Test
  void a52xWithoutCloudflareIsTheServerNotCloudflare() {
    Evaluation e =
        run(
            ExampleFacts.of("cloudflare-origin-error")
                .set("HttpResponse", Map.of("server", "nginx", "cfRay", "", "signals", List.of())));
    assertConclusion("CONNECTION_TIMEOUT", "SERVER_OVERLOADED", e);
    Evaluation cf = run(ExampleFacts.of("cloudflare-origin-error"));
    assertEvidence(only(cf, "CLOUDFLARE_ORIGIN_ERROR"), "HTTP 522", "CF-RAY 8e3f1a2b3c4d5e6f-AMS");
  }

  @Test
  void dnsFailuresAreToldApartByWhoFailed() {
    ExampleFacts nx =
        ExampleFacts.of("healthy")
            .set(
                "DnsAnswer",
                where("resolverRole", "system"),
                Map.of(
                    "outcome",
                    "dns.name_not_resolved",
                    "rcode",
                    "NXDOMAIN",
                    "addresses",
                    List.of(),
                    "addressKinds",
                    List.of()));
    assertConclusion("HOST_NOT_FOUND", "SYSTEM_DNS_FAILED", run(nx));

    ExampleFacts unconfirmed =
        ExampleFacts.of("name-does-not-exist")
            .set(
                "DnsAnswer",
                where("resolverRole", "public"),
                Map.of("outcome", "dns.timed_out", "rcode", "", "millis", 5000));
    Evaluation e = run(unconfirmed);
    assertConclusion("HOST_NOT_FOUND", "NO_RESOLVER_ANSWERS", e);
    assertFalse(causeIds(e).contains("NAME_DOES_NOT_EXIST"));

    Evaluation typo = run(ExampleFacts.of("name-does-not-exist"));
    assertEvidence(
        only(typo, "NAME_DOES_NOT_EXIST"),
        "Your resolver (192.168.1.1), 8.8.8.8 and 1.1.1.1 all say panel.exmaple.com does not exist");
    assertEquals(
        1,
        only(typo, "NAME_DOES_NOT_EXIST").evidence().size(),
        "one line for all resolvers that agree");
  }

  @Test
  void symptomsDecideOnlyWhenTheChecksFoundNothing() {
    Evaluation vpn = run(ExampleFacts.of("isp-routing"));
    assertConclusion("LOGIN_FAILED", "ISP_ROUTING", vpn);
    assertFalse(causeIds(vpn).contains("REMOTE_ALL_CLEAR"));
    assertFalse(causeIds(vpn).contains("HEALTHY"));
    assertEvidence(only(vpn, "ISP_ROUTING"), "mobile data", "VPN");

    Evaluation expiredAtPeak =
        run(ExampleFacts.of("expired").set("ReportedSymptoms", Map.of("failsAtPeakHours", "yes")));
    assertConclusion("AUTHORIZATION_FAILED", "EXPIRED", expiredAtPeak);
    assertEquals("symptoms", only(expiredAtPeak, "PEAK_HOUR_FAILURES").layer());
  }

  @Test
  void spacesAroundTheUsernameLeadEvenThoughTheTypedLoginWasRefused() {
    Evaluation e = run(ExampleFacts.of("spaces-around-credentials"));
    assertConclusion("INVALID_DETAILS", "SPACES_AROUND_CREDENTIALS", e);
    assertEquals(
        Optional.of("username"),
        Optional.ofNullable(only(e, "SPACES_AROUND_CREDENTIALS").params().get("field")));
    only(e, "CREDENTIALS_REJECTED");
  }

  @Test
  void whenTwoCausesCouldLeadTheRulesSayWhich() {
    // Xtream Codes reports Banned before Expired; so do the rules.
    Evaluation bannedAndPast =
        run(ExampleFacts.of("banned").set("LoginAnswer", Map.of("expDate", T - 5 * DAY)));
    assertEquals(List.of("BANNED"), causeIds(bannedAndPast));

    // Another device plays at peak time: the server is not overloaded.
    Evaluation deviceAtPeak =
        run(
            ExampleFacts.of("one-device-fails")
                .set("ReportedSymptoms", Map.of("failsAtPeakHours", "yes")));
    assertConclusion("INVALID_DETAILS", "ONE_DEVICE_FAILS", deviceAtPeak);
    assertFalse(causeIds(deviceAtPeak).contains("PEAK_HOUR_FAILURES"));

    // The panel answered earlier in this check, then went silent: a ban, not a slow server.
    Evaluation silentThenTimeout =
        run(
            ExampleFacts.of("http-no-answer")
                .set(
                    "PanelRequests",
                    Map.of("sent", 3, "stoppedEarly", true, "stopReason", "panel_went_silent")));
    assertConclusion("LOGIN_FAILED", "FLOOD_BAN", silentThenTimeout);
  }
}
