package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.RuleFiles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken rules edit never takes the service down; a good one is picked up without a restart. */
class HotReloadTest {
  static final String FACTS =
      "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":\"panel.auth_rejected\",\"auth\":0}]}";

  @Test
  void aBrokenEditKeepsTheLastGoodRulesAndIsReported(@TempDir Path dir) throws Exception {
    for (Map.Entry<String, String> f : RuleFiles.bundled().files().entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
    XtreamDoctor.Builder builder =
        XtreamDoctor.builder()
            .rulesDirectory(dir)
            .watchRules(Duration.ofMillis(150))
            .probeSettings(Fixtures.probes(List.of()));
    try (DoctorService s =
        DoctorService.start(Fixtures.settings(), builder, TargetGuard.of(List.of(), Set.of(80)))) {
      String first = rules(s).getString("fingerprint");

      Path drl = dir.resolve("20-login-failed.drl");
      String good = Files.readString(drl);
      Files.writeString(
          drl, good + "\nrule \"broken\"\nwhen\n  LoginAnswer( outcome == )\nthen\nend\n");
      JsonObject broken = await(s, r -> !r.isNull("lastReloadError"));
      assertEquals(first, broken.getString("fingerprint"), "the last good set stays in use");
      String problem =
          broken
              .getJsonObject("lastReloadError")
              .getJsonArray("problems")
              .getJsonObject(0)
              .getString("text");
      assertTrue(problem.contains("20-login-failed.drl:"), problem);
      HttpResponse<String> still = Fixtures.post(s, "/v1/evaluations", FACTS, Fixtures.TOKEN);
      assertEquals(200, still.statusCode(), "the service still answers");
      assertTrue(still.body().contains("INVALID_DETAILS"));

      Files.writeString(drl, good + "\n// a harmless edit\n");
      JsonObject fixed =
          await(s, r -> r.isNull("lastReloadError") && !r.getString("fingerprint").equals(first));
      assertNotEquals(first, fixed.getString("fingerprint"));
      assertEquals(200, Fixtures.post(s, "/v1/evaluations", FACTS, Fixtures.TOKEN).statusCode());
      // /metrics counts both: the refused reload (one or more, as the editor's saves came) and the
      // applied one
      String metrics = s.metricsText();
      assertTrue(
          OperationsTest.value(metrics, "xtream_rule_reloads_total{outcome=\"refused\"}") >= 1,
          metrics);
      assertTrue(
          OperationsTest.value(metrics, "xtream_rule_reloads_total{outcome=\"applied\"}") >= 1,
          metrics);
    }
  }

  static JsonObject rules(DoctorService s) throws Exception {
    return Json.createReader(new StringReader(Fixtures.get(s, "/v1/rules", Fixtures.TOKEN).body()))
        .readObject();
  }

  static JsonObject await(DoctorService s, Predicate<JsonObject> done) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      JsonObject r = rules(s);
      if (done.test(r)) {
        return r;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the rules were not reloaded in time: " + rules(s));
  }
}
