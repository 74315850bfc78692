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
    Scenarios.warmUp();
  }

  @ParameterizedTest(name = "{0} -> {1}/{2}")
  @CsvSource({
    "healthy_xc2, NO_FAULT_FOUND, HEALTHY",
    "healthy_xui, NO_FAULT_FOUND, HEALTHY",
    "ip_literal, NO_FAULT_FOUND, HEALTHY",
    "tls_ok, NO_FAULT_FOUND, HEALTHY",
    "credentials_rejected, INVALID_DETAILS, CREDENTIALS_REJECTED",
    "rejected_or_inactive, INVALID_DETAILS, REJECTED_OR_INACTIVE",
    "xui_expired, INVALID_DETAILS, REJECTED_OR_INACTIVE",
    "blank_password, INVALID_DETAILS, BLANK_CREDENTIALS",
    "xc2_empty_200, INVALID_DETAILS, BLANK_CREDENTIALS",
    "wrong_port, INVALID_DETAILS, WRONG_PORT",
    "http_to_tls_port, INVALID_DETAILS, WRONG_PROTOCOL",
    "https_to_plain_port, INVALID_DETAILS, WRONG_PROTOCOL",
    "pasted_get_php, INVALID_DETAILS, PASTED_URL",
    "spaces_around_username, INVALID_DETAILS, SPACES_AROUND_CREDENTIALS",
    "expired, AUTHORIZATION_FAILED, EXPIRED",
    "banned, AUTHORIZATION_FAILED, BANNED",
    "disabled, AUTHORIZATION_FAILED, DISABLED",
    "connection_limit, AUTHORIZATION_FAILED, CONNECTION_LIMIT_REACHED",
    "ua_filter, LOGIN_FAILED, PROVIDER_FILTER",
    "flood_403, LOGIN_FAILED, FLOOD_BAN",
    "reset, LOGIN_FAILED, HTTP_BLOCKED",
    "connect_timeout, LOGIN_FAILED, PORT_UNREACHABLE",
    "isp_dns_tampering, LOGIN_FAILED, DNS_TAMPERING",
    "overloaded_503, CONNECTION_TIMEOUT, SERVER_OVERLOADED",
    "cloudflare_522, CONNECTION_TIMEOUT, CLOUDFLARE_ORIGIN_ERROR",
    "no_http_answer, CONNECTION_TIMEOUT, HTTP_NO_ANSWER",
    "trickled_body, CONNECTION_TIMEOUT, HTTP_NO_ANSWER",
    "nxdomain, HOST_NOT_FOUND, NAME_DOES_NOT_EXIST",
    "servfail, HOST_NOT_FOUND, NO_RESOLVER_ANSWERS",
    "dns_silent, HOST_NOT_FOUND, NO_RESOLVER_ANSWERS",
    "port_refused, LOGIN_FAILED, PORT_UNREACHABLE",
  })
  void concludes(String scenario, String category, String cause) throws Exception {
    Evaluation e = engine.evaluateRules(Scenarios.run(scenario).facts());
    assertEquals(category + "/" + cause, e.conclusion().category() + "/" + e.conclusion().causeId(), e::toString);
  }

  /** A panel that banned this address, or goes silent mid-check: the flood ban is among the findings. */
  @ParameterizedTest
  @CsvSource({"xc2_flood_ban", "xui_flood_403", "panel_went_silent"})
  void floodBansAreFound(String scenario) throws Exception {
    Evaluation e = engine.evaluateRules(Scenarios.run(scenario).facts());
    assertTrue(e.findings().stream().anyMatch(f -> f.causeId().equals("FLOOD_BAN")), e::toString);
  }
}
