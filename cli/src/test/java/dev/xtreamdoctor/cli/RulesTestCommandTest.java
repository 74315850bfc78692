package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules test} with the team's own scenarios that go wrong: plain words, never a trace. */
class RulesTestCommandTest {
  @TempDir Path dir;

  @Test
  void aStepNoStepDefinitionKnowsFailsItsScenarioAndSaysWhich() throws Exception {
    Path f = dir.resolve("typo.feature");
    Files.writeString(
        f,
        "Feature: Ours\n\n  Scenario: A typo\n    Given the facts of a workin login\n    When I evaluate the facts\n"
            + "    Then the category is NO_FAULT_FOUND\n");
    CliRun r = CliRun.run("rules", "test", "--scenarios", f.toString(), "--only-mine");
    assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
    assertTrue(r.out().contains("FAIL " + f.toAbsolutePath() + ":3: A typo\n"), r.toString());
    assertTrue(
        r.out().contains("     at line 4: Given the facts of a workin login\n"), r.toString());
    assertTrue(
        r.out()
            .contains(
                "     this step matches none of the known steps (did you mean: Given the facts of a working login?)"),
        r.toString());
    assertTrue(r.out().contains("\nscenarios: 0 passed, 1 failed"), r.toString());
    assertTrue(!r.out().contains("PASS "), r.toString());
  }

  @Test
  void aChangedThresholdIsTestedWithConfigFile() throws Exception {
    Path f = dir.resolve("warning.feature");
    Files.writeString(
        f,
        "Feature: Ours\n\n  Scenario: Five days left is worth a warning here\n    Given the facts of a working login\n"
            + "    And the line ends 120 hours after the server's clock\n    When I evaluate the facts\n"
            + "    Then the cause is EXPIRES_SOON\n");
    CliRun defaults = CliRun.run("rules", "test", "--scenarios", f.toString(), "--only-mine");
    assertEquals(
        ExitCode.FAULT, defaults.exitCode(), "the default warning period is 3 days: " + defaults);
    Path config = dir.resolve("doctor.properties");
    Files.writeString(config, "doctor.thresholds.expiry-warning-days = 7\n");
    CliRun ours =
        CliRun.run(
            "rules",
            "test",
            "--config",
            config.toString(),
            "--scenarios",
            f.toString(),
            "--only-mine");
    assertEquals(ExitCode.NO_FAULT, ours.exitCode(), ours.toString());
    assertTrue(ours.out().startsWith("scenarios: 1 passed, 0 failed"), ours.toString());
  }

  @Test
  void aFileThatIsNoScenarioFileIsOneLineOfBadInput() throws Exception {
    Path f = dir.resolve("broken.feature");
    Files.writeString(f, "Scenario: no Feature line above\n  Given the facts of a working login\n");
    CliRun r = CliRun.run("rules", "test", "--scenarios", f.toString(), "--only-mine");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().startsWith("xtream-doctor: cannot read the scenarios: "), r.toString());
  }

  @Test
  void missingScenariosAreBadUsage() {
    CliRun r = CliRun.run("rules", "test", "--scenarios", dir.resolve("nowhere").toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("no such file or directory"), r.toString());
  }
}
