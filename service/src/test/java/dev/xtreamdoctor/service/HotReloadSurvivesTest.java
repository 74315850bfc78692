package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.RuleFiles;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: hot reload that cannot die. A looping rule set (in DRL, in sentences) is refused and
 * named; 5,000 nested brackets and a stack overflow are reported and the watcher goes on; a
 * directory deleted and made again, or moved away and back, is noticed and picked up.
 */
class HotReloadSurvivesTest {
  private static final String HEAD =
      "package dev.xtreamdoctor.rules;\n\nimport dev.xtreamdoctor.engine.facts.*;\n\n";

  static void writeBundled(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : RuleFiles.bundled().files().entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
  }

  private static DoctorService start(Path dir, XtreamDoctor.Builder builder) throws Exception {
    return DoctorService.start(
        Fixtures.settings(),
        builder
            .rulesDirectory(dir)
            .watchRules(Duration.ofMillis(150))
            .probeSettings(Fixtures.probes(List.of())),
        TargetGuard.of(List.of(), Set.of(80)));
  }

  private static String firstProblem(JsonObject rules) {
    return rules
        .getJsonObject("lastReloadError")
        .getJsonArray("problems")
        .getJsonObject(0)
        .getString("text");
  }

  @Test
  void loopsInDrlAndInSentencesAreRefusedAndNamed(@TempDir Path dir) throws Exception {
    writeBundled(dir);
    try (DoctorService s = start(dir, XtreamDoctor.builder())) {
      String first = HotReloadTest.rules(s).getString("fingerprint");
      Files.writeString(
          dir.resolve("95-loop.drl"),
          HEAD
              + "rule \"Loop: look at the login answer again\"\nwhen\n  $l : LoginAnswer( )\nthen\n  update( $l );\nend\n");
      JsonObject drl = HotReloadTest.await(s, r -> !r.isNull("lastReloadError"));
      assertEquals(first, drl.getString("fingerprint"), "the last good set stays in use");
      assertTrue(
          firstProblem(drl)
              .startsWith(
                  dir.resolve("95-loop.drl")
                      + ":5:1: rule \"Loop: look at the login answer again\" kept firing"),
          firstProblem(drl));
      assertEquals(
          200,
          Fixtures.post(s, "/v1/evaluations", HotReloadTest.FACTS, Fixtures.TOKEN).statusCode());

      Files.delete(dir.resolve("95-loop.drl"));
      HotReloadTest.await(s, r -> r.isNull("lastReloadError"));
      Files.writeString(
          dir.resolve("35-loop.dslr"),
          HEAD
              + "rule \"Login failed: every finding brings another\"\nwhen\n  There is a Finding fact\nthen\n"
              + "  Conclude LOGIN_FAILED because of FLOOD_BAN at the http layer\n  Report it\nend\n");
      JsonObject dsl = HotReloadTest.await(s, r -> !r.isNull("lastReloadError"));
      assertTrue(
          firstProblem(dsl)
              .startsWith(
                  dir.resolve("35-loop.dslr")
                      + ":5:1: rule \"Login failed: every finding brings another\" kept firing"),
          firstProblem(dsl));
      assertEquals(first, dsl.getString("fingerprint"));
    }
  }

  @Test
  void deepBracketsAndAStackOverflowAreReportedAndTheWatcherGoesOn(@TempDir Path dir)
      throws Exception {
    writeBundled(dir);
    AtomicBoolean overflow = new AtomicBoolean();
    XtreamDoctor.Builder builder =
        XtreamDoctor.builder()
            .rulesCheck(
                candidate -> {
                  if (overflow.get()) {
                    throw new StackOverflowError();
                  }
                });
    try (DoctorService s = start(dir, builder)) {
      String first = HotReloadTest.rules(s).getString("fingerprint");
      Files.writeString(
          dir.resolve("95-deep.drl"),
          HEAD
              + "rule \"Deep\"\nwhen\n  LoginAnswer( "
              + "(".repeat(5000)
              + "auth == 1"
              + ")".repeat(5000)
              + " )\nthen\nend\n");
      JsonObject deep = HotReloadTest.await(s, r -> !r.isNull("lastReloadError"));
      assertEquals(
          dir.resolve("95-deep.drl")
              + ":7:79: brackets are nested more than 64 deep here; no rule needs that many: split the"
              + " condition, or close the brackets opened before it",
          firstProblem(deep));

      overflow.set(true);
      Files.writeString(dir.resolve("95-deep.drl"), HEAD + "// nothing yet\n");
      JsonObject so =
          HotReloadTest.await(
              s, r -> !r.isNull("lastReloadError") && firstProblem(r).contains("out of stack"));
      assertEquals(first, so.getString("fingerprint"));

      overflow.set(false);
      Files.writeString(dir.resolve("95-deep.drl"), HEAD + "// nothing here\n");
      JsonObject fixed =
          HotReloadTest.await(
              s, r -> r.isNull("lastReloadError") && !r.getString("fingerprint").equals(first));
      assertTrue(fixed.isNull("lastReloadError"), "the watcher lived on and loaded the fixed set");
    }
  }

  @Test
  void aDeletedAndRecreatedOrMovedDirectoryIsNoticedAndPickedUp(@TempDir Path parent)
      throws Exception {
    Path dir = parent.resolve("rules");
    writeBundled(dir);
    try (DoctorService s = start(dir, XtreamDoctor.builder())) {
      String first = HotReloadTest.rules(s).getString("fingerprint");
      deleteAll(dir);
      JsonObject gone = HotReloadTest.await(s, r -> !r.isNull("lastReloadError"));
      assertTrue(firstProblem(gone).contains("the rules directory is gone"), firstProblem(gone));
      assertEquals(first, gone.getString("fingerprint"), "the rules in use stay");
      assertEquals(
          200,
          Fixtures.post(s, "/v1/evaluations", HotReloadTest.FACTS, Fixtures.TOKEN).statusCode());

      long t0 = System.nanoTime();
      writeBundled(dir);
      Files.writeString(dir.resolve("99-note.drl"), HEAD + "// made again\n");
      JsonObject back =
          HotReloadTest.await(
              s, r -> r.isNull("lastReloadError") && !r.getString("fingerprint").equals(first));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 30_000, "picked up after " + ms + " ms");
      String second = back.getString("fingerprint");

      Path away = parent.resolve("moved");
      Files.move(dir, away);
      JsonObject moved = HotReloadTest.await(s, r -> !r.isNull("lastReloadError"));
      assertTrue(
          firstProblem(moved).contains("the rules directory is gone (deleted, or moved away)"),
          firstProblem(moved));
      // An edit in the moved directory is not the rules directory's: nothing changes.
      Files.writeString(away.resolve("99-note.drl"), HEAD + "// edited where it was moved to\n");
      Files.move(away, dir);
      Files.writeString(dir.resolve("99-note.drl"), HEAD + "// back home\n");
      JsonObject home =
          HotReloadTest.await(
              s, r -> r.isNull("lastReloadError") && !r.getString("fingerprint").equals(second));
      assertTrue(home.getString("origin").endsWith("rules"), home.toString());
    }
  }

  private static void deleteAll(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
