package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleLimits;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, done when: a rule set that passed every check but runs away on one request's facts
 * costs that request an error (problem+json naming the rule), while /health keeps answering within
 * 100 ms and other requests are served; the process's memory is not grown by it.
 */
class RunawayRulesTest {
  /** Loops only on a status no example or scenario has, so every check before use passes. */
  static final String FROZEN_LOOP =
      "package dev.xtreamdoctor.rules;\n\nimport dev.xtreamdoctor.engine.facts.*;\n\n"
          + "rule \"Frozen: look at the line again\"\nwhen\n  $l : LoginAnswer( status == \"Frozen\" )\nthen\n  update( $l );\nend\n";

  static final String FROZEN_FACTS =
      "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":\"panel.login_ok\",\"auth\":1,\"status\":\"Frozen\"}]}";

  @Test
  void aRunawayCostsOneRequestAnErrorWhileHealthAndOtherRequestsAreServed(@TempDir Path dir)
      throws Exception {
    for (Map.Entry<String, String> f : RuleFiles.bundled().files().entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    Files.writeString(dir.resolve("95-frozen.drl"), FROZEN_LOOP);
    long deadlineMs = 3000;
    XtreamDoctor.Builder builder =
        XtreamDoctor.builder()
            .rulesDirectory(dir)
            .ruleLimits(new RuleLimits(Integer.MAX_VALUE - 1, Duration.ofMillis(deadlineMs)))
            .probeSettings(Fixtures.probes(List.of()));
    try (DoctorService s =
        DoctorService.start(Fixtures.settings(), builder, TargetGuard.of(List.of(), Set.of(80)))) {
      // Warm: the first answer of each route pays for loading its classes.
      assertEquals(200, Fixtures.get(s, "/health", null).statusCode());
      assertEquals(
          200,
          Fixtures.post(s, "/v1/evaluations", HotReloadTest.FACTS, Fixtures.TOKEN).statusCode());
      long heapBefore = usedHeap();
      long t0 = System.nanoTime();
      CompletableFuture<HttpResponse<String>> runaway =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return Fixtures.post(s, "/v1/evaluations", FROZEN_FACTS, Fixtures.TOKEN);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      List<Long> health = new ArrayList<>();
      boolean otherServed = false;
      Thread.sleep(200);
      // /health over one kept-alive raw connection, as SlowClientsTest asks it: the time measured
      // is the server's answer, not an HTTP client's threads handing the request around
      try (Socket raw = new Socket("127.0.0.1", s.port())) {
        raw.setTcpNoDelay(true);
        raw.setSoTimeout(5000);
        InputStream in = new BufferedInputStream(raw.getInputStream());
        while (!runaway.isDone()) {
          long h0 = System.nanoTime();
          raw.getOutputStream().write(SlowClientsTest.HEALTH);
          assertEquals("HTTP/1.1 200 OK", SlowClientsTest.answer(in));
          health.add((System.nanoTime() - h0) / 1_000_000);
          if (!otherServed) {
            HttpResponse<String> other =
                Fixtures.post(s, "/v1/evaluations", HotReloadTest.FACTS, Fixtures.TOKEN);
            assertEquals(200, other.statusCode(), other.body());
            assertTrue(other.body().contains("INVALID_DETAILS"), other.body());
            otherServed = true;
          }
          Thread.sleep(50);
        }
      }
      long tookMs = (System.nanoTime() - t0) / 1_000_000;
      System.out.printf(
          "runaway: the request ended after %d ms (deadline %d ms); /health %d times, max %d ms%n",
          tookMs,
          deadlineMs,
          health.size(),
          health.stream().mapToLong(Long::longValue).max().orElse(0));
      HttpResponse<String> r = runaway.get();
      assertEquals(500, r.statusCode(), r.body());
      assertEquals(
          "application/problem+json",
          r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
      assertTrue(
          r.body().contains("\"type\":\"https://xtream-doctor.dev/problems/rules-failed\""),
          r.body());
      assertTrue(
          r.body()
              .contains(
                  dir.resolve("95-frozen.drl")
                      + ":5:1: rule \\\"Frozen: look at the line again\\\" kept firing"),
          r.body());
      assertTrue(r.body().contains("doctor.rules.deadline-ms=3000"), r.body());
      assertTrue(tookMs < deadlineMs + 1500, "the runaway request took " + tookMs + " ms");
      assertTrue(otherServed, "another evaluation was served meanwhile");
      assertTrue(health.size() >= 10, "health was asked " + health.size() + " times");
      assertTrue(health.stream().allMatch(ms -> ms < 100), "health answered in " + health + " ms");
      assertTrue(
          usedHeap() - heapBefore < 64L << 20,
          "the heap grew by " + ((usedHeap() - heapBefore) >> 20) + " MB");
      // And the service goes on: the same facts fail again the same way, others are served.
      assertEquals(
          200,
          Fixtures.post(s, "/v1/evaluations", HotReloadTest.FACTS, Fixtures.TOKEN).statusCode());
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
