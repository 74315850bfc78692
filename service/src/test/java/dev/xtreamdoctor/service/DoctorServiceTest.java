package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Simulation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service end to end: a client with a token diagnoses a simulated panel over HTTP. */
class DoctorServiceTest {
  static Simulation sim;
  static DoctorService service;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start("bad-credentials-xc2");
    TargetGuard guard = TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort()));
    service =
        Fixtures.start(Fixtures.settings(), Fixtures.probes(List.of(sim.systemResolvers())), guard);
  }

  @AfterAll
  static void stop() {
    service.close();
    sim.close();
  }

  static JsonObject json(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  @Test
  void aClientWithATokenDiagnosesOverHttp() throws Exception {
    HttpResponse<String> r =
        Fixtures.post(
            service,
            "/v1/diagnoses",
            Fixtures.diagnosisJson(sim.serverUrl(), sim.username(), "wrong-Pass-4711", null),
            Fixtures.TOKEN);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject d = json(r);
    assertEquals("INVALID_DETAILS", d.getString("category"), r.body());
    assertTrue(d.getString("ticketReply").contains(d.getString("title")));
    assertFalse(r.body().contains("wrong-Pass-4711"), "the password must never come back");
    assertTrue(sim.requests().size() >= 1, "the panel was asked");
  }

  @Test
  void withoutATokenTheAnswerIs401ProblemJson() throws Exception {
    for (String token : new String[] {null, "not-the-token-000000000"}) {
      HttpResponse<String> r = Fixtures.post(service, "/v1/evaluations", "{\"facts\":[]}", token);
      assertEquals(401, r.statusCode());
      assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
      assertEquals(401, json(r).getInt("status"));
      assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }
    assertEquals(401, Fixtures.get(service, "/v1/rules", null).statusCode());
  }

  @Test
  void evaluationsJudgeGivenFacts() throws Exception {
    String facts =
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":\"panel.auth_rejected\",\"auth\":0}]}";
    HttpResponse<String> r = Fixtures.post(service, "/v1/evaluations", facts, Fixtures.TOKEN);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("INVALID_DETAILS", json(r).getString("category"));
  }

  @Test
  void badBodiesGetOneLineProblems() throws Exception {
    HttpResponse<String> r = Fixtures.post(service, "/v1/evaluations", "{not json", Fixtures.TOKEN);
    assertEquals(400, r.statusCode());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    r =
        Fixtures.post(
            service,
            "/v1/diagnoses",
            "{\"server\":\"http://x.test\",\"password\":\"s3cret-XYZ\",\"extra\":1}",
            Fixtures.TOKEN);
    assertEquals(400, r.statusCode());
    assertFalse(r.body().contains("s3cret-XYZ"));
    r =
        Fixtures.post(
            service,
            "/v1/diagnoses",
            "{\"server\":\"http://x.test\",\"symptoms\":{\"vantage\":\"moon\"}}",
            Fixtures.TOKEN);
    assertEquals(400, r.statusCode());
    assertTrue(json(r).getString("detail").contains("vantage"));
  }

  @Test
  void oversizedBodiesAre413() throws Exception {
    String big =
        "{\"facts\":["
            + "{\"type\":\"LoginAnswer\"},".repeat(5000)
            + "{\"type\":\"LoginAnswer\"}]}";
    HttpResponse<String> r = Fixtures.post(service, "/v1/evaluations", big, Fixtures.TOKEN);
    assertEquals(413, r.statusCode());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void rulesHealthAndUnknownPaths() throws Exception {
    HttpResponse<String> rules = Fixtures.get(service, "/v1/rules", Fixtures.TOKEN);
    assertEquals(200, rules.statusCode());
    assertEquals(Fixtures.rules().fingerprint(), json(rules).getString("fingerprint"));
    assertTrue(json(rules).isNull("lastReloadError"));
    assertEquals("ok", json(Fixtures.get(service, "/health", null)).getString("status"));
    HttpResponse<String> missing = Fixtures.get(service, "/v2/nothing", Fixtures.TOKEN);
    assertEquals(404, missing.statusCode());
    assertEquals(
        "application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
    assertEquals(405, Fixtures.get(service, "/v1/diagnoses", Fixtures.TOKEN).statusCode());
  }

  @Test
  void remoteVantageWithNothingWrongSaysWhatToAskNext() throws Exception {
    try (Simulation healthy = Simulation.start("healthy-xc2");
        DoctorService s =
            Fixtures.start(
                Fixtures.settings(),
                Fixtures.probes(List.of(healthy.systemResolvers())),
                TargetGuard.of(List.of("127.0.0.1/32"), Set.of(healthy.urlPort())))) {
      HttpResponse<String> r =
          Fixtures.post(
              s,
              "/v1/diagnoses",
              Fixtures.diagnosisJson(
                  healthy.serverUrl(),
                  healthy.username(),
                  healthy.password(),
                  "{\"vantage\":\"remote\",\"appMessage\":\"login_failed\",\"device\":\"firestick\"}"),
              Fixtures.TOKEN);
      assertEquals(200, r.statusCode(), r.body());
      JsonObject d = json(r);
      assertEquals("NO_FAULT_FOUND", d.getString("category"), r.body());
      assertTrue(r.body().contains("REMOTE_ALL_CLEAR"), r.body());
      assertTrue(d.getString("ticketReply").contains("mobile data"), d.getString("ticketReply"));
      assertFalse(r.body().contains(healthy.password()));
    }
  }
}
