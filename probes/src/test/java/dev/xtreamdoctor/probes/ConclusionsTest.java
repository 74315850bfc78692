package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * From typed input through the real probes to the bundled rules' category and cause, for each
 * probe-observable cause. Facts-level assertions live in {@link DiagnoserScenariosTest}.
 */
class ConclusionsTest {
  private static DiagnosisEngine engine;

  @BeforeAll
  static void setUp() throws Exception {
    engine = TestRules.engine();
    ProbeCases.warmUp();
  }

  @ParameterizedTest(name = "{0} -> {1}/{2}")
  @CsvSource({
    "healthy-xc2, NO_FAULT_FOUND, HEALTHY",
    "healthy-xui, NO_FAULT_FOUND, HEALTHY",
    "ip-literal, NO_FAULT_FOUND, HEALTHY",
    "tls-ok, NO_FAULT_FOUND, HEALTHY",
    "credentials-rejected, INVALID_DETAILS, CREDENTIALS_REJECTED",
    "rejected-or-inactive, INVALID_DETAILS, REJECTED_OR_INACTIVE",
    "xui-expired, INVALID_DETAILS, REJECTED_OR_INACTIVE",
    "blank-password, INVALID_DETAILS, BLANK_CREDENTIALS",
    "xc2-empty-200, INVALID_DETAILS, BLANK_CREDENTIALS",
    "wrong-port, INVALID_DETAILS, WRONG_PORT",
    "http-to-tls-port, INVALID_DETAILS, WRONG_PROTOCOL",
    "https-to-plain-port, INVALID_DETAILS, WRONG_PROTOCOL",
    "pasted-get-php, INVALID_DETAILS, PASTED_URL",
    "spaces-around-username, INVALID_DETAILS, SPACES_AROUND_CREDENTIALS",
    "expired, AUTHORIZATION_FAILED, EXPIRED",
    "banned, AUTHORIZATION_FAILED, BANNED",
    "disabled, AUTHORIZATION_FAILED, DISABLED",
    "connection-limit, AUTHORIZATION_FAILED, CONNECTION_LIMIT_REACHED",
    "ua-filter, LOGIN_FAILED, PROVIDER_FILTER",
    "flood-403, LOGIN_FAILED, FLOOD_BAN",
    "reset, LOGIN_FAILED, HTTP_BLOCKED",
    "connect-timeout, LOGIN_FAILED, PORT_UNREACHABLE",
    "isp-dns-tampering, LOGIN_FAILED, DNS_TAMPERING",
    "overloaded-503, CONNECTION_TIMEOUT, SERVER_OVERLOADED",
    "cloudflare-522, CONNECTION_TIMEOUT, CLOUDFLARE_ORIGIN_ERROR",
    "no-http-answer, CONNECTION_TIMEOUT, HTTP_NO_ANSWER",
    "trickled-body, CONNECTION_TIMEOUT, HTTP_NO_ANSWER",
    "nxdomain, HOST_NOT_FOUND, NAME_DOES_NOT_EXIST",
    "servfail, HOST_NOT_FOUND, NO_RESOLVER_ANSWERS",
    "dns-silent, HOST_NOT_FOUND, NO_RESOLVER_ANSWERS",
    "port-refused, LOGIN_FAILED, PORT_UNREACHABLE",
  })
  void concludes(String scenario, String category, String cause) throws Exception {
    Evaluation e = engine.evaluateRules(ProbeCases.run(scenario).facts());
    assertEquals(
        category + "/" + cause,
        e.conclusion().category() + "/" + e.conclusion().causeId(),
        e::toString);
  }

  /**
   * A panel that banned this address, or goes silent mid-check: the flood ban is among the
   * findings.
   */
  @ParameterizedTest
  @CsvSource({"xc2-flood-ban", "xui-flood-403", "panel-went-silent"})
  void floodBansAreFound(String scenario) throws Exception {
    Evaluation e = engine.evaluateRules(ProbeCases.run(scenario).facts());
    assertTrue(e.findings().stream().anyMatch(f -> f.causeId().equals("FLOOD_BAN")), e::toString);
  }
}
