package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Simulation;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The per-client rate limit (429) and the slot limit with its queue timeout (503). */
class LimitsTest {
  static final String FACTS = "{\"facts\":[]}";

  @Test
  void aClientOverItsRateGets429WithRetryAfter() throws Exception {
    try (DoctorService s =
        Fixtures.start(
            Fixtures.settings().withRate(1, 3),
            Fixtures.probes(List.of()),
            TargetGuard.of(List.of(), Set.of(80)))) {
      int limited = 0;
      for (int i = 0; i < 6; i++) {
        HttpResponse<String> r = Fixtures.post(s, "/v1/evaluations", FACTS, Fixtures.TOKEN);
        if (r.statusCode() == 429) {
          limited++;
          assertEquals(
              "application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
          assertTrue(r.headers().firstValue("Retry-After").isPresent());
        }
      }
      assertTrue(limited >= 2, "only " + limited + " of 6 limited");
      // wrong tokens are limited per address too, so guessing tokens is slow
      int guesses429 = 0;
      for (int i = 0; i < 6; i++) {
        guesses429 +=
            Fixtures.post(s, "/v1/evaluations", FACTS, "guess-" + i + "-0000000000000").statusCode()
                    == 429
                ? 1
                : 0;
      }
      assertTrue(guesses429 >= 2);
    }
  }

  @Test
  void whenEverySlotStaysBusyTheAnswerIs503() throws Exception {
    try (Simulation hang = Simulation.start("hang");
        Simulation other = Simulation.start("hang");
        DoctorService s =
            Fixtures.start(
                Fixtures.settings().withSlots(1, 1, 100),
                Fixtures.probes(List.of(hang.systemResolvers())),
                TargetGuard.of(List.of("127.0.0.1/32"), Set.of(hang.urlPort(), other.urlPort())))) {
      String body =
          Fixtures.diagnosisJson(hang.serverUrl(), hang.username(), hang.password(), null);
      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return Fixtures.post(s, "/v1/diagnoses", body, Fixtures.TOKEN);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      // wait until the first holds the one slot (the panel saw it)
      hang.panel().takeRequest(java.time.Duration.ofSeconds(5));
      // another panel: this one waits for a slot, not for the first panel's turn
      HttpResponse<String> second =
          Fixtures.post(
              s,
              "/v1/diagnoses",
              Fixtures.diagnosisJson(
                  "http://127.0.0.1:" + other.urlPort(), hang.username(), hang.password(), null),
              Fixtures.TOKEN);
      assertEquals(503, second.statusCode(), second.body());
      assertEquals(
          "application/problem+json", second.headers().firstValue("Content-Type").orElse(""));
      assertEquals(200, first.get().statusCode());
    }
  }
}
