package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a rule set that runs away costs one evaluation an error naming the rule, never a hang,
 * the caller's thread or the process's memory; and the same engine goes on diagnosing.
 */
class RunawayGuardTest {
  private static final String HEAD =
      "package dev.xtreamdoctor.rules;\n\nimport dev.xtreamdoctor.engine.facts.*;\n\n";

  /** The bundled rules plus one more file, compiled only (RuleCheck would refuse them). */
  static RuleBook bundledWith(String file, String text) throws RulesException {
    Map<String, String> files = new LinkedHashMap<>(SharedRules.BOOK.files().files());
    files.put(file, text);
    return RuleBook.build(new RuleFiles("test", null, files));
  }

  private static List<Fact> banned() throws Exception {
    return ExampleFacts.of("banned").facts();
  }

  @Test
  void aRuleThatUpdatesItsOwnFactIsStoppedAtTheFiringLimitAndNamed() throws Exception {
    RuleBook book =
        bundledWith(
            "90-loop.drl",
            HEAD
                + "rule \"Loop: touch the login answer forever\"\nwhen\n  $l : LoginAnswer( )\nthen\n  update( $l );\nend\n");
    DiagnosisEngine engine =
        new DiagnosisEngine(
            book, Settings.defaults(), new RuleLimits(5_000, Duration.ofSeconds(20)));
    RulesFailedException e =
        assertThrows(RulesFailedException.class, () -> engine.evaluate(banned()));
    assertEquals(RulesFailedException.Reason.TOO_MANY_FIRINGS, e.reason());
    assertEquals(List.of("Loop: touch the login answer forever"), e.rules());
    // Another rule follows the loop (a condition re-derived at each turn): the rule that changes
    // the facts is the one named.
    assertEquals(
        "rules/90-loop.drl:5:1: rule \"Loop: touch the login answer forever\" kept firing, and the evaluation was stopped at"
            + " doctor.rules.max-firings=5000 rule firings: it re-triggers itself (its then part changes or inserts a fact that its"
            + " when part, or a rule it feeds, matches again)",
        e.getMessage());
    // The same engine diagnoses facts the loop does not touch.
    assertEquals(
        "HOST_NOT_FOUND",
        engine.evaluate(ExampleFacts.of("name-does-not-exist").facts()).category());
  }

  @Test
  void aSentenceLoopThatInsertsFindingsIsStoppedWithItsFileAndLine() throws Exception {
    RuleBook book =
        bundledWith(
            "35-loop.dslr",
            HEAD
                + "rule \"Login failed: every finding brings another\"\nwhen\n  There is a Finding fact\nthen\n"
                + "  Conclude LOGIN_FAILED because of FLOOD_BAN at the http layer\n  Report it\nend\n");
    // A deadline no busy machine reaches first: this is about the firing limit and memory.
    DiagnosisEngine engine =
        new DiagnosisEngine(
            book, Settings.defaults(), new RuleLimits(10_000, Duration.ofSeconds(60)));
    long before = usedMemory();
    RulesFailedException e =
        assertThrows(RulesFailedException.class, () -> engine.evaluate(banned()));
    assertEquals(RulesFailedException.Reason.TOO_MANY_FIRINGS, e.reason());
    assertEquals("Login failed: every finding brings another", e.rules().get(0));
    assertTrue(
        e.getMessage()
            .startsWith(
                "rules/35-loop.dslr:5:1: rule \"Login failed: every finding brings another\" kept firing"),
        e.getMessage());
    // What the loop inserted went with its session.
    assertTrue(
        usedMemory() - before < 64L << 20,
        "memory kept after the runaway: " + ((usedMemory() - before) >> 20) + " MB");
  }

  @Test
  void aJoinOverFactsALoopInsertsStaysWithinTheFiringLimitAndItsMemory() throws Exception {
    RuleBook book =
        bundledWith(
            "90-pairs.drl",
            HEAD
                + "rule \"Pairs: every two conditions\"\n  salience -10\nwhen\n  Condition( $a : name )\n  Condition( name != $a )\nthen\nend\n\n"
                + "rule \"Pairs: one more condition\"\nwhen\n  $l : LoginAnswer( )\nthen\n"
                + "  insert( new Condition( \"c\" + java.util.UUID.randomUUID(), \"\" ) );\n  update( $l );\nend\n");
    DiagnosisEngine engine =
        new DiagnosisEngine(
            book, Settings.defaults(), new RuleLimits(10_000, Duration.ofSeconds(60)));
    long before = usedMemory();
    RulesFailedException e =
        assertThrows(RulesFailedException.class, () -> engine.evaluate(banned()));
    assertEquals(RulesFailedException.Reason.TOO_MANY_FIRINGS, e.reason());
    assertEquals("Pairs: one more condition", e.rules().get(0), e.getMessage());
    assertTrue(
        usedMemory() - before < 64L << 20,
        "memory kept after the runaway: " + ((usedMemory() - before) >> 20) + " MB");
  }

  @Test
  void aThenPartThatNeverReturnsFreesTheCallerAtTheDeadline() throws Exception {
    RuleBook book =
        bundledWith(
            "90-spin.drl",
            HEAD
                + "rule \"Spin: wait for the panel forever\"\nwhen\n  LoginAnswer( )\nthen\n  while ( true ) { }\nend\n");
    DiagnosisEngine engine =
        new DiagnosisEngine(
            book, Settings.defaults(), new RuleLimits(10_000, Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    RulesFailedException e =
        assertThrows(RulesFailedException.class, () -> engine.evaluate(banned()));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(RulesFailedException.Reason.STUCK, e.reason());
    assertTrue(ms < 300 + RunawayGuard.GRACE_MS + 500, "freed after " + ms + " ms");
    assertTrue(
        e.getMessage()
            .startsWith(
                "rules/90-spin.drl:5:1: rule \"Spin: wait for the panel forever\" was still in its then part"),
        e.getMessage());
    // Java 17 stops the spinning thread: no worker is left busy.
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (spinning() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(!spinning(), "a rules worker is still running the endless then part");
  }

  @Test
  void aThenPartThatThrowsNamesTheRule() throws Exception {
    RuleBook book =
        bundledWith(
            "90-throw.drl",
            HEAD
                + "rule \"Throw: divide by nothing\"\nwhen\n  $l : LoginAnswer( )\nthen\n  int x = 1 / ( $l.auth() - $l.auth() );\nend\n");
    RulesFailedException e =
        assertThrows(
            RulesFailedException.class,
            () -> new DiagnosisEngine(book, Settings.defaults()).evaluate(banned()));
    assertEquals(RulesFailedException.Reason.RULE_ERROR, e.reason());
    assertEquals(
        "rules/90-throw.drl:5:1: rule \"Throw: divide by nothing\" failed in its then part: ArithmeticException: / by zero",
        e.getMessage());
  }

  @Test
  void noConclusionIsAnErrorAtTheRankingRules() throws Exception {
    Map<String, String> files = new LinkedHashMap<>(SharedRules.BOOK.files().files());
    files.put("00-ranking.drl", "package dev.xtreamdoctor.rules;\n");
    RuleBook book = RuleBook.build(new RuleFiles("test", null, files));
    RulesFailedException e =
        assertThrows(
            RulesFailedException.class,
            () -> new DiagnosisEngine(book, Settings.defaults()).evaluate(banned()));
    assertEquals(RulesFailedException.Reason.NO_CONCLUSION, e.reason());
    assertTrue(
        e.getMessage().startsWith("rules/00-ranking.drl:1:1: the rules drew no conclusion"),
        e.getMessage());
  }

  private static boolean spinning() {
    return Thread.getAllStackTraces().entrySet().stream()
        .anyMatch(
            t ->
                t.getKey().getName().startsWith("rules-eval-")
                    && t.getKey().getState() == Thread.State.RUNNABLE
                    && List.of(t.getValue()).stream()
                        .anyMatch(f -> f.getClassName().contains("Rule_Spin")));
  }

  private static long usedMemory() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }
}
