package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.simulator.Simulation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an operator sees: one JSON log line per request, health for orchestrators, /metrics. */
class OperationsTest {
  static final String PASSWORD = "Op3rator-Secret-77";

  static Simulation sim;
  static DoctorService service;
  static final List<String> LINES = new ArrayList<>();
  static final Logger ROOT = Logger.getLogger("dev.xtreamdoctor");
  static final Handler CAPTURE =
      new Handler() {
        private final JsonLogFormatter format = new JsonLogFormatter();

        @Override
        public void publish(LogRecord r) {
          if (isLoggable(r)) {
            synchronized (LINES) {
              LINES.add(format.format(r));
            }
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void start() throws Exception {
    CAPTURE.setLevel(Level.INFO);
    ROOT.addHandler(CAPTURE);
    sim = Simulation.start("bad-credentials-xc2");
    service =
        Fixtures.start(
            Fixtures.settings(),
            Fixtures.probes(List.of(sim.systemResolvers())),
            TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())));
  }

  @AfterAll
  static void stop() {
    ROOT.removeHandler(CAPTURE);
    service.close();
    sim.close();
  }

  static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  /** The log lines about one request, as JSON, once its access line is written. */
  static List<JsonObject> linesOf(String requestId) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      List<JsonObject> found = new ArrayList<>();
      synchronized (LINES) {
        for (String l : LINES) {
          JsonObject o = json(l);
          if (requestId.equals(o.getString("requestId", ""))) {
            found.add(o);
          }
        }
      }
      if (found.stream().anyMatch(o -> o.getString("logger").endsWith(".access"))) {
        return found;
      }
      Thread.sleep(20); // the access line is written when the answer has been sent
    }
    throw new AssertionError("no access line for " + requestId + " in " + LINES);
  }

  @Test
  void everyRequestGetsOneJsonAccessLineAndEveryLineNamesItsRequest() throws Exception {
    HttpResponse<String> ok = Fixtures.get(service, "/health", null);
    HttpResponse<String> diagnosed =
        Fixtures.post(
            service,
            "/v1/diagnoses",
            Fixtures.diagnosisJson(sim.serverUrl(), sim.username(), PASSWORD, null),
            Fixtures.TOKEN);
    HttpResponse<String> unauthorized = Fixtures.get(service, "/v1/rules", null);
    HttpResponse<String> missing =
        Fixtures.get(service, "/nothing/here?password=" + PASSWORD, Fixtures.TOKEN);
    assertEquals(200, diagnosed.statusCode(), diagnosed.body());
    for (HttpResponse<String> r : List.of(ok, diagnosed, unauthorized, missing)) {
      String id = r.headers().firstValue("X-Request-Id").orElseThrow();
      List<JsonObject> lines = linesOf(id);
      List<JsonObject> access =
          lines.stream().filter(o -> o.getString("logger").endsWith(".access")).toList();
      assertEquals(1, access.size(), "one access line for " + r.uri() + ": " + lines);
      JsonObject a = access.get(0);
      assertEquals(r.statusCode(), a.getInt("status"), a.toString());
      assertEquals(r.request().method(), a.getString("method"));
      assertTrue(a.getJsonNumber("durationMs").doubleValue() >= 0, a.toString());
      assertTrue(a.getString("time").endsWith("Z"), a.toString());
      assertEquals("INFO", a.getString("level"));
    }
    // the diagnosis's own line carries the request's id too
    List<JsonObject> diagnosis =
        linesOf(diagnosed.headers().firstValue("X-Request-Id").orElseThrow());
    assertTrue(
        diagnosis.stream().anyMatch(o -> o.getString("message").contains("INVALID_DETAILS")),
        diagnosis.toString());
    assertEquals(
        "/v1/diagnoses",
        diagnosis.stream()
            .filter(o -> o.containsKey("route"))
            .findFirst()
            .orElseThrow()
            .getString("route"));
    assertEquals(
        "unmatched",
        linesOf(missing.headers().firstValue("X-Request-Id").orElseThrow()).stream()
            .filter(o -> o.containsKey("route"))
            .findFirst()
            .orElseThrow()
            .getString("route"));
    synchronized (LINES) {
      for (String l : LINES) {
        assertFalse(l.contains(PASSWORD), "a log line holds the password: " + l);
        assertFalse(l.contains("\n") && l.indexOf('\n') < l.length() - 1, "one line: " + l);
      }
    }
  }

  @Test
  void livenessAndReadiness() throws Exception {
    HttpResponse<String> live = Fixtures.get(service, "/health/live", null);
    assertEquals(200, live.statusCode());
    assertEquals("live", json(live.body()).getString("status"));
    HttpResponse<String> ready = Fixtures.get(service, "/health/ready", null);
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject r = json(ready.body());
    assertEquals("ready", r.getString("status"));
    assertEquals(
        service.doctor().rules().fingerprint(),
        r.getJsonObject("checks").getJsonObject("rules").getString("fingerprint"));
    assertEquals(
        "ok",
        json(Fixtures.get(service, "/health", null).body()).getString("status"),
        "/health as before");
  }

  @Test
  void aSlotHeldPastItsLimitMakesTheServiceUnreadyUntilItIsGivenBack() throws Exception {
    try (XtreamDoctor doctor = XtreamDoctor.builder().ruleBook(Fixtures.rules()).build()) {
      Slots evaluations = new Slots(2, 20_000_000L); // 20 ms, as if a rule ran away
      Slots diagnoses = new Slots(1, 60_000_000_000L);
      HealthResource health = new HealthResource(doctor, diagnoses, evaluations);
      assertEquals(200, health.ready().getStatus());
      Optional<Slots.Lease> held = evaluations.take(0);
      Thread.sleep(60);
      jakarta.ws.rs.core.Response notReady = health.ready();
      assertEquals(503, notReady.getStatus());
      JsonObject body =
          json(new String((byte[]) notReady.getEntity(), java.nio.charset.StandardCharsets.UTF_8));
      assertEquals("not ready", body.getString("status"));
      assertEquals(
          "fail", body.getJsonObject("checks").getJsonObject("capacity").getString("status"));
      assertEquals(
          1,
          body.getJsonObject("checks")
              .getJsonObject("capacity")
              .getJsonObject("evaluationSlots")
              .getInt("overdue"));
      held.orElseThrow().close();
      assertEquals(200, health.ready().getStatus(), "ready again once the slot is back");
      assertEquals(0, evaluations.inUse());
    }
  }

  @Test
  void metricsShowRequestsLatencyDiagnosesReloadsAndBudgetWaits() throws Exception {
    String facts =
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":\"panel.auth_rejected\",\"auth\":0}]}";
    assertEquals(
        200, Fixtures.post(service, "/v1/evaluations", facts, Fixtures.TOKEN).statusCode());
    assertEquals(
        200,
        Fixtures.post(
                service,
                "/v1/diagnoses",
                Fixtures.diagnosisJson(sim.serverUrl(), sim.username(), PASSWORD, null),
                Fixtures.TOKEN)
            .statusCode());
    Fixtures.get(service, "/health", null);
    assertEquals(
        401, Fixtures.get(service, "/metrics", null).statusCode(), "the metrics need the token");
    HttpResponse<String> m = Fixtures.get(service, "/metrics", Fixtures.TOKEN);
    assertEquals(200, m.statusCode());
    String type = m.headers().firstValue("Content-Type").orElse("");
    assertTrue(
        type.startsWith("text/plain") && type.replace(" ", "").contains(";version=0.0.4"), type);
    String text = m.body();
    assertTrue(
        value(text, "xtream_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"}")
            >= 1,
        text);
    assertTrue(
        value(
                text,
                "xtream_http_requests_total{method=\"POST\",route=\"/v1/evaluations\",status=\"200\"}")
            >= 1,
        text);
    assertTrue(
        text.contains(
            "xtream_http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/diagnoses\",le=\""),
        text);
    assertTrue(
        value(text, "xtream_diagnoses_total{category=\"INVALID_DETAILS\",cause=\"") >= 1, text);
    assertTrue(
        text.contains("source=\"evaluation\"") && text.contains("source=\"diagnosis\""), text);
    assertEquals(0, value(text, "xtream_rule_reloads_total{outcome=\"refused\"}"), text);
    assertTrue(
        value(text, "xtream_panel_budget_wait_seconds_count{outcome=\"granted\"}") >= 1, text);
    assertEquals(
        Fixtures.settings().maxDiagnoses(), value(text, "xtream_slots{kind=\"diagnosis\"}"), text);
    assertFalse(text.contains(PASSWORD));
  }

  /** The value of the first series that starts with this text. */
  static double value(String text, String seriesStart) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(seriesStart) + "[^ ]* ([0-9.eE+-]+)$")
            .matcher(text);
    assertTrue(m.find(), seriesStart + " not in\n" + text);
    return Double.parseDouble(m.group(1));
  }
}
