package dev.xtreamdoctor.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.probes.Diagnoser;
import dev.xtreamdoctor.probes.ProbeRequest;
import dev.xtreamdoctor.probes.ProbeSettings;
import dev.xtreamdoctor.probes.Secret;
import dev.xtreamdoctor.simulator.Scenarios;
import dev.xtreamdoctor.simulator.Simulation;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "No fault" must be earned, everywhere: every example facts file and every simulator scenario,
 * diagnosed, is checked by {@link HealthEvidence} (the feature scenarios are checked by its hook
 * after each one). Each simulator scenario also gets the category and cause this table says: the
 * table is the catalogue's answer key, so a scenario added without an answer fails here.
 */
class EveryScenarioTest {
  /** The rules under test: those of -Dxtreamdoctor.scenarios.rules=DIR, else the bundled. */
  private static final RulesUnderTest RULES = RulesUnderTest.byProperty();

  private static final Path EXAMPLES = Path.of("..", "examples", "facts");

  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry("healthy-xc2", "NO_FAULT_FOUND/HEALTHY"),
          Map.entry("healthy-xui", "NO_FAULT_FOUND/HEALTHY"),
          Map.entry("bad-credentials-xc2", "INVALID_DETAILS/CREDENTIALS_REJECTED"),
          Map.entry("bad-credentials-xui", "INVALID_DETAILS/REJECTED_OR_INACTIVE"),
          Map.entry("username-wrong-case", "INVALID_DETAILS/CREDENTIALS_REJECTED"),
          Map.entry("password-extra-space", "INVALID_DETAILS/SPACES_AROUND_CREDENTIALS"),
          Map.entry("expired-xc2", "AUTHORIZATION_FAILED/EXPIRED"),
          Map.entry("expired-xui", "INVALID_DETAILS/REJECTED_OR_INACTIVE"),
          Map.entry("banned", "AUTHORIZATION_FAILED/BANNED"),
          Map.entry("disabled", "AUTHORIZATION_FAILED/DISABLED"),
          Map.entry("trial-expired", "AUTHORIZATION_FAILED/TRIAL_EXPIRED"),
          Map.entry("connection-limit", "AUTHORIZATION_FAILED/CONNECTION_LIMIT_REACHED"),
          Map.entry("blank-credentials", "INVALID_DETAILS/BLANK_CREDENTIALS"),
          Map.entry("odd-types", "NO_FAULT_FOUND/HEALTHY"),
          Map.entry("wrong-port", "INVALID_DETAILS/WRONG_PORT"),
          Map.entry("port-closed", "LOGIN_FAILED/PORT_UNREACHABLE"),
          Map.entry("port-filtered", "LOGIN_FAILED/PORT_UNREACHABLE"),
          Map.entry("wrong-protocol-https-on-http", "INVALID_DETAILS/WRONG_PROTOCOL"),
          Map.entry("wrong-protocol-http-on-tls", "INVALID_DETAILS/WRONG_PROTOCOL"),
          Map.entry("self-signed-tls", "INVALID_DETAILS/TLS_CERT_UNTRUSTED"),
          Map.entry("tls-expired", "INVALID_DETAILS/TLS_CERT_EXPIRED"),
          Map.entry("tls-wrong-name", "INVALID_DETAILS/TLS_CERT_NAME_MISMATCH"),
          Map.entry("xui-wrong-domain", "INVALID_DETAILS/REJECTED_OR_INACTIVE"),
          Map.entry("ua-filter", "NO_FAULT_FOUND/HEALTHY"),
          Map.entry("ua-filter-html", "NO_FAULT_FOUND/HEALTHY"),
          Map.entry("cloudflare-521", "CONNECTION_TIMEOUT/CLOUDFLARE_ORIGIN_ERROR"),
          Map.entry("cloudflare-524", "CONNECTION_TIMEOUT/CLOUDFLARE_ORIGIN_ERROR"),
          Map.entry("cloudflare-challenge", "LOGIN_FAILED/PROVIDER_FILTER"),
          Map.entry("overloaded-503", "CONNECTION_TIMEOUT/SERVER_OVERLOADED"),
          Map.entry("hang", "CONNECTION_TIMEOUT/HTTP_NO_ANSWER"),
          // answers after 4 s, past this test's 1.5 s read timeout (the default 10 s lets it
          // through, slow)
          Map.entry("slow", "CONNECTION_TIMEOUT/HTTP_NO_ANSWER"),
          Map.entry("peak-hours", "CONNECTION_TIMEOUT/HTTP_NO_ANSWER"), // started at 20:00, below
          Map.entry("reset", "LOGIN_FAILED/HTTP_BLOCKED"),
          Map.entry("isp-block-page", "LOGIN_FAILED/HTTP_BLOCKED"),
          Map.entry("empty-reply", "INVALID_DETAILS/EMPTY_REPLY"),
          Map.entry("flood-ban", "LOGIN_FAILED/FLOOD_BAN"),
          Map.entry("flood-strict", "NO_FAULT_FOUND/HEALTHY"),
          Map.entry("isp-dns-hijack", "LOGIN_FAILED/DNS_TAMPERING"),
          Map.entry("system-dns-nxdomain", "HOST_NOT_FOUND/SYSTEM_DNS_FAILED"),
          Map.entry("system-dns-servfail", "HOST_NOT_FOUND/SYSTEM_DNS_FAILED"),
          Map.entry("system-dns-refused", "HOST_NOT_FOUND/SYSTEM_DNS_FAILED"),
          Map.entry("system-dns-silent", "HOST_NOT_FOUND/SYSTEM_DNS_FAILED"),
          Map.entry("name-nowhere", "HOST_NOT_FOUND/NAME_DOES_NOT_EXIST"),
          Map.entry("dns-sinkhole", "LOGIN_FAILED/DNS_TAMPERING"),
          Map.entry("dns-stale-address", "HOST_NOT_FOUND/STALE_DNS_ANSWER"),
          Map.entry("dns-stale-address-reused", "HOST_NOT_FOUND/STALE_DNS_ANSWER"),
          Map.entry("dns-first-address-dead", "NO_FAULT_FOUND/DEAD_ADDRESS"),
          Map.entry("dns-nodata", "HOST_NOT_FOUND/NAME_HAS_NO_ADDRESS"),
          Map.entry("dns-cname-chain", "NO_FAULT_FOUND/HEALTHY"),
          Map.entry("dns-cname-dangling", "HOST_NOT_FOUND/NAME_DOES_NOT_EXIST"),
          Map.entry("ipv6-panel", "NO_FAULT_FOUND/HEALTHY"),
          Map.entry("moved-xc2", "INVALID_DETAILS/SERVER_URL_MOVED"),
          Map.entry("moved-xui", "INVALID_DETAILS/SERVER_URL_MOVED"),
          Map.entry("redirect-loop", "LOGIN_FAILED/REDIRECT_LOOP"),
          Map.entry("redirect-dead-end", "LOGIN_FAILED/REDIRECT_DEAD_END"),
          Map.entry("redirect-refused", "LOGIN_FAILED/REDIRECT_REFUSED"),
          Map.entry("refused-with-401", "INVALID_DETAILS/CREDENTIALS_REJECTED"),
          Map.entry("php-warnings", "NO_FAULT_FOUND/PANEL_MISCONFIGURED"),
          Map.entry("byte-order-mark", "NO_FAULT_FOUND/PANEL_MISCONFIGURED"),
          Map.entry("truncated-body", "LOGIN_FAILED/ANSWER_TRUNCATED"),
          Map.entry("hostile-endless-header-line", "LOGIN_FAILED/HEADER_LINE_TOO_LONG"),
          Map.entry("hostile-many-headers", "LOGIN_FAILED/TOO_MANY_HEADERS"),
          Map.entry("hostile-huge-body", "LOGIN_FAILED/ANSWER_TOO_LARGE"),
          Map.entry("hostile-endless-chunked", "LOGIN_FAILED/ANSWER_TOO_LARGE"),
          Map.entry("hostile-gzip-bomb", "LOGIN_FAILED/ANSWER_INFLATES_TOO_LARGE"),
          Map.entry("hostile-garbage", "INVALID_DETAILS/NOT_HTTP"),
          Map.entry("wrong-port-ssh", "INVALID_DETAILS/NOT_HTTP"),
          Map.entry("http-on-tls-port-alert", "INVALID_DETAILS/WRONG_PROTOCOL"),
          Map.entry("hostile-echo", "INVALID_DETAILS/CREDENTIALS_REJECTED"),
          Map.entry("hostile-ansi", "INVALID_DETAILS/CREDENTIALS_REJECTED"));

  static List<String> scenarios() {
    return Scenarios.names();
  }

  /** The scenario; one that depends on the hour of the day runs at 20:00, at its peak. */
  private static Simulation start(String name) {
    return name.equals("peak-hours")
        ? Simulation.start(
            dev.xtreamdoctor.simulator.Scenarios.get(name),
            java.time.Clock.fixed(
                java.time.Instant.parse("2026-03-02T20:00:00Z"), java.time.ZoneOffset.UTC))
        : Simulation.start(name);
  }

  @Test
  void everyScenarioHasAnAnswer() {
    assertEquals(new TreeSet<>(Scenarios.names()), new TreeSet<>(EXPECTED.keySet()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void eachSimulatorScenarioGetsItsDiagnosisAndEarnsAnyNoFault(String name) throws Exception {
    Diagnosis d;
    try (Simulation sim = start(name)) {
      ProbeSettings settings =
          ProbeSettings.defaults()
              .withResolvers(List.of(sim.systemResolvers()), List.of(sim.publicResolvers()))
              .withTimeouts(EndToEndSteps.CONNECT_MS, EndToEndSteps.READ_MS, EndToEndSteps.TOTAL_MS)
              .withLimits(1 << 20, EndToEndSteps.REQUEST_BUDGET, 0)
              .withLoopbackOnly(true);
      ProbeRequest request =
          ProbeRequest.of(sim.serverUrl(), sim.username(), Secret.of(sim.password()));
      d = RULES.engine().evaluate(new Diagnoser(settings).run(request));
    }
    assertEquals(Optional.empty(), HealthEvidence.violation(d), name);
    assertEquals(
        EXPECTED.get(name), d.category() + "/" + d.causeIds().get(0), name + ": " + d.summary());
  }

  static Stream<String> examples() throws Exception {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void noExampleFactsFileClaimsHealthWithoutAWorkingLogin(String file) throws Exception {
    try (Reader in = Files.newBufferedReader(EXAMPLES.resolve(file))) {
      Diagnosis d = RULES.engine().evaluate(FactsJson.read(in));
      assertEquals(Optional.empty(), HealthEvidence.violation(d), file);
    }
  }

  @Test
  void theCheckItselfCatchesAnUnearnedNoFault() throws Exception {
    // the rules never conclude this any more; the check must still see it when they do
    Diagnosis earned = RULES.engine().evaluate(FactsJson.read("{\"facts\":[]}"));
    assertTrue(HealthEvidence.violation(earned).isEmpty(), earned.category());
    Diagnosis forged =
        new Diagnosis(
            Diagnosis.SCHEMA_VERSION,
            Diagnosis.NO_FAULT_FOUND,
            "",
            "",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            earned.facts(),
            List.of(),
            "");
    assertTrue(HealthEvidence.violation(forged).isPresent());
  }
}
