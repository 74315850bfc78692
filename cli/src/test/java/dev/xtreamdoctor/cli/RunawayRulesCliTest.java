package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, done when: a looping rule set, in DRL and in DSL sentences, is refused by {@code rules
 * check} and by {@code evaluate --rules}, with exit 3 naming the rule; and a set that passes every
 * check but runs away on the facts given ends within the deadline plus 0.5 s, exit 3, naming it.
 */
class RunawayRulesCliTest {
  private static final String HEAD =
      "package dev.xtreamdoctor.rules;\n\nimport dev.xtreamdoctor.engine.facts.*;\n\n";

  /** A modify loop: the rule changes the fact it matched, so it matches again, for ever. */
  static final String DRL_LOOP =
      HEAD
          + "declare Tick\n  n : int\nend\n\n"
          + "rule \"Loop: start counting\"\nwhen\n  LoginAnswer( )\nthen\n  insert( new Tick( 0 ) );\nend\n\n"
          + "rule \"Loop: count once more\"\nwhen\n  $t : Tick( n >= 0 )\nthen\n  modify( $t ) { setN( $t.getN() + 1 ) };\nend\n";

  static final String DSL_LOOP =
      HEAD
          + "rule \"Login failed: every finding brings another\"\nwhen\n  There is a Finding fact\nthen\n"
          + "  Conclude LOGIN_FAILED because of FLOOD_BAN at the http layer\n  Report it\nend\n";

  @TempDir Path tmp;

  @Test
  void aLoopInDrlIsRefusedByCheckAndByEvaluate() throws Exception {
    Path rules = SupportStaffWorkflowTest.copyOfRules(tmp.resolve("rules"));
    Files.writeString(rules.resolve("95-loop.drl"), DRL_LOOP);
    String expected =
        rules.resolve("95-loop.drl") + ":16:1: rule \"Loop: count once more\" kept firing";
    CliRun check = CliRun.run("rules", "check", rules.toString());
    assertEquals(ExitCode.RULES, check.exitCode(), check.toString());
    assertTrue(
        check
            .err()
            .lines()
            .anyMatch(l -> l.startsWith(expected) && l.contains("doctor.rules.max-firings=10000")),
        check.toString());

    CliRun evaluate =
        CliRun.run(
            "evaluate",
            "--rules",
            rules.toString(),
            "--facts",
            SupportStaffWorkflowTest.EXAMPLES.resolve("expired.json").toString());
    assertEquals(ExitCode.RULES, evaluate.exitCode(), evaluate.toString());
    assertTrue(evaluate.err().startsWith(expected), evaluate.toString());
    assertEquals(1, evaluate.err().lines().count(), evaluate.toString());
    assertEquals("", evaluate.out());
  }

  @Test
  void aLoopWrittenOnlyInSentencesIsRefusedByCheckAndByEvaluate() throws Exception {
    Path rules = SupportStaffWorkflowTest.copyOfRules(tmp.resolve("rules"));
    Files.writeString(rules.resolve("35-loop.dslr"), DSL_LOOP);
    String start =
        rules.resolve("35-loop.dslr")
            + ":5:1: rule \"Login failed: every finding brings another\" kept firing";
    CliRun check = CliRun.run("rules", "check", rules.toString());
    assertEquals(ExitCode.RULES, check.exitCode(), check.toString());
    assertTrue(check.err().startsWith(start), check.toString());

    CliRun evaluate =
        CliRun.run(
            "evaluate",
            "--rules",
            rules.toString(),
            "--facts",
            SupportStaffWorkflowTest.EXAMPLES.resolve("healthy.json").toString());
    assertEquals(ExitCode.RULES, evaluate.exitCode(), evaluate.toString());
    assertTrue(evaluate.err().startsWith(start), evaluate.toString());
  }

  @Test
  void aSetThatRunsAwayOnlyOnTheFactsGivenEndsWithinTheDeadline() throws Exception {
    Path rules = SupportStaffWorkflowTest.copyOfRules(tmp.resolve("rules"));
    // Both pass every check: no example or scenario has a "Frozen" or "Stuck" line.
    Files.writeString(
        rules.resolve("95-frozen.drl"),
        HEAD
            + "rule \"Frozen: look at the line again\"\nwhen\n  $l : LoginAnswer( status == \"Frozen\" )\nthen\n  update( $l );\nend\n\n"
            + "rule \"Stuck: count to the end of time\"\nwhen\n  LoginAnswer( status == \"Stuck\" )\nthen\n"
            + "  for ( long i = 0; i < Long.MAX_VALUE; i++ ) { }\nend\n");
    Path config = tmp.resolve("doctor.properties");
    long deadlineMs = 1000;
    Files.writeString(
        config,
        "doctor.rules.deadline-ms = " + deadlineMs + "\ndoctor.rules.max-firings = 2000000000\n");
    Path healthy = SupportStaffWorkflowTest.EXAMPLES.resolve("healthy.json");
    // Loads (and checks) the set once; the runs below reuse it, so they time the evaluation.
    CliRun first =
        CliRun.run(
            "evaluate",
            "--rules",
            rules.toString(),
            "--config",
            config.toString(),
            "--facts",
            healthy.toString());
    assertEquals(ExitCode.NO_FAULT, first.exitCode(), first.toString());

    for (String status : new String[] {"Frozen", "Stuck"}) {
      Path facts = tmp.resolve(status + ".json");
      Files.writeString(
          facts, Files.readString(healthy).replace("\"Active\"", "\"" + status + "\""));
      long t0 = System.nanoTime();
      CliRun r =
          CliRun.run(
              "evaluate",
              "--rules",
              rules.toString(),
              "--config",
              config.toString(),
              "--facts",
              facts.toString());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(ExitCode.RULES, r.exitCode(), r.toString());
      assertTrue(ms < deadlineMs + 500, status + ": ended after " + ms + " ms\n" + r);
      assertEquals(1, r.err().lines().count(), r.toString());
      String rule =
          status.equals("Frozen")
              ? ":5:1: rule \"Frozen: look at the line again\" kept firing"
              : ":12:1: rule \"Stuck: count to the end of time\" was still in its then part";
      assertTrue(r.err().startsWith(rules.resolve("95-frozen.drl") + rule), r.toString());
      assertTrue(r.err().contains("doctor.rules.deadline-ms=1000"), r.toString());
    }
  }
}
