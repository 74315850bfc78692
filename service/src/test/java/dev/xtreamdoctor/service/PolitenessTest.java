package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.RecordedRequest;
import dev.xtreamdoctor.simulator.Simulation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The panel budget every caller of one serve shares (reference xtream-api.md §2.4, A9 case 50): a
 * burst of diagnoses of one panel sends it at most the configured number of logins, one at a time
 * and spaced; the same line asked again is answered from what was observed, marked cached.
 */
class PolitenessTest {
  static final ServeSettings.Politeness BUDGET =
      new ServeSettings.Politeness(3, 60_000, 400, 15_000, 60_000, Optional.empty());

  static ServeSettings settings(ServeSettings.Politeness budget) {
    return Fixtures.settings().withPoliteness(budget).withSlots(8, 8, 2000);
  }

  static List<RecordedRequest> logins(Simulation sim) {
    return sim.requests().stream().filter(RecordedRequest::hadPassword).toList();
  }

  /** Thirty diagnoses of one panel at once, each for another line; their answers by status. */
  static Map<Integer, Integer> burst(List<URI> services, Simulation sim, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        URI s = services.get(i % services.size());
        String body =
            Fixtures.diagnosisJson(
                sim.serverUrl(), "user" + i, "pass-" + i, "{\"vantage\":\"remote\"}");
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return Fixtures.post(s, "/v1/diagnoses", body, Fixtures.TOKEN);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                pool));
      }
      Map<Integer, Integer> byStatus = new TreeMap<>();
      for (CompletableFuture<HttpResponse<String>> a : answers) {
        HttpResponse<String> r = a.get();
        byStatus.merge(r.statusCode(), 1, Integer::sum);
        if (r.statusCode() == 429) {
          assertEquals(
              "application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
          assertTrue(r.headers().firstValue("Retry-After").isPresent(), r.body());
          assertTrue(
              r.body().contains("panel-budget") || r.body().contains("panel-busy"), r.body());
        } else {
          assertEquals(200, r.statusCode(), r.body());
        }
      }
      return byStatus;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Logins one after another, never closer than the minimum interval. */
  static void assertSpaced(List<RecordedRequest> logins, long minMillis) {
    for (int i = 1; i < logins.size(); i++) {
      long gap = Duration.between(logins.get(i - 1).time(), logins.get(i).time()).toMillis();
      assertTrue(gap >= minMillis - 20, "logins " + gap + " ms apart: " + logins);
    }
  }

  @Test
  void thirtyConcurrentDiagnosesOfOnePanelStayWithinItsBudget() throws Exception {
    try (Simulation sim = Simulation.start("healthy-xc2");
        DoctorService s =
            Fixtures.start(
                settings(BUDGET),
                Fixtures.probes(List.of(sim.systemResolvers())),
                TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())))) {
      Map<Integer, Integer> byStatus = burst(List.of(s.uri()), sim, 30);
      List<RecordedRequest> logins = logins(sim);
      System.out.println(
          "30 concurrent diagnoses of one panel (budget 3): answers "
              + byStatus
              + ", logins "
              + logins.size());
      assertTrue(logins.size() <= BUDGET.maxLogins(), "logins: " + logins.size());
      assertEquals(BUDGET.maxLogins(), byStatus.getOrDefault(200, 0), "answers: " + byStatus);
      assertSpaced(logins, BUDGET.minIntervalMs());
      // the budget is spent: even a new line is refused, without a request to the panel
      HttpResponse<String> more =
          Fixtures.post(
              s,
              "/v1/diagnoses",
              Fixtures.diagnosisJson(sim.serverUrl(), "late", "pass-late", null),
              Fixtures.TOKEN);
      assertEquals(429, more.statusCode(), more.body());
      assertTrue(more.body().contains("panel-budget"), more.body());
      assertEquals(logins.size(), logins(sim).size());
    }
  }

  @Test
  void theSameLineAgainIsAnsweredFromWhatWasObservedMarkedCached() throws Exception {
    try (Simulation sim = Simulation.start("bad-credentials-xc2");
        DoctorService s =
            Fixtures.start(
                settings(BUDGET),
                Fixtures.probes(List.of(sim.systemResolvers())),
                TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())))) {
      String line =
          Fixtures.diagnosisJson(sim.serverUrl(), sim.username(), "wrong-Pass-4711", null);
      JsonObject first = json(Fixtures.post(s, "/v1/diagnoses", line, Fixtures.TOKEN));
      assertFalse(first.getBoolean("cached"), first.toString());
      JsonObject again =
          json(
              Fixtures.post(
                  s,
                  "/v1/diagnoses",
                  Fixtures.diagnosisJson(
                      sim.serverUrl(),
                      sim.username(),
                      "wrong-Pass-4711",
                      "{\"vantage\":\"remote\",\"appMessage\":\"invalid_details\"}"),
                  Fixtures.TOKEN));
      assertTrue(again.getBoolean("cached"), again.toString());
      assertEquals(first.getString("observedAt"), again.getString("observedAt"));
      assertEquals(first.getString("category"), again.getString("category"));
      assertTrue(
          again.toString().contains("\"ReportedSymptoms\""),
          "judged with the new symptoms: " + again);
      assertEquals(1, logins(sim).size(), "one login for both");
      // another password is another line
      JsonObject other =
          json(
              Fixtures.post(
                  s,
                  "/v1/diagnoses",
                  Fixtures.diagnosisJson(sim.serverUrl(), sim.username(), "other-Pass-4711", null),
                  Fixtures.TOKEN));
      assertFalse(other.getBoolean("cached"));
      assertEquals(2, logins(sim).size());
    }
  }

  static JsonObject json(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return Json.createReader(new StringReader(r.body())).readObject();
  }
}
