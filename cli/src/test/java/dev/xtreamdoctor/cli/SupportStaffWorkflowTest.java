package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Done when, issue 5: what a support person does with a copy of rules/, through the commands they
 * would type. Edit a fix text; add a cause in sentences with its words and a scenario; {@code rules
 * check}, {@code rules test}, and see both in a diagnosis. Broken edits come back as file:line:col
 * in plain words; a rule edit that flips a guide scenario fails it, with the difference shown.
 */
class SupportStaffWorkflowTest {
  static final Path RULES = Path.of("..", "rules");
  static final Path EXAMPLES = Path.of("..", "examples", "facts");
  private static final String HEAD =
      "package dev.xtreamdoctor.rules;\n\nimport dev.xtreamdoctor.engine.facts.*;\n\n";

  @TempDir Path tmp;

  static Path copyOfRules(Path into) throws IOException {
    Files.createDirectories(into);
    try (Stream<Path> files = Files.list(RULES)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, into.resolve(f.getFileName()));
        }
      }
    }
    return into;
  }

  private static void replaceIn(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), file + " lacks: " + from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void editAFixAddACauseCheckTestAndDiagnose() throws IOException {
    Path rules = copyOfRules(tmp.resolve("rules"));
    // 1. A new fix text, in the catalogue only (the guide scenario checks "Renew the
    // subscription").
    replaceIn(
        rules.resolve("catalogue.properties"),
        "EXPIRED.fix.1 = Renew the subscription with the provider or reseller.",
        "EXPIRED.fix.1 = Renew the subscription online at renew.example.com, or call the help desk.");
    // 2. A new cause: a rule in sentences, its words, and a scenario.
    Files.writeString(
        rules.resolve("35-paused.dslr"),
        HEAD
            + "// Some resellers pause a line instead of disabling it.\n"
            + "rule \"Authorization failed: the reseller paused the line\"\n"
            + "when\n"
            + "  The panel accepted the login\n"
            + "  - the account status is \"Paused\"\n"
            + "then\n"
            + "  Conclude AUTHORIZATION_FAILED because of PAUSED at the account layer\n"
            + "  Add evidence that the panel accepted the login with its status\n"
            + "  Report it\n"
            + "end\n\n"
            // The same kind of rule from the general sentences, over any fact and field.
            + "rule \"Invalid details: the line is locked to another app\"\n"
            + "when\n"
            + "  There is a LoginAnswer fact\n"
            + "  - its outcome is \"panel.login_ok\"\n"
            + "  - its status is \"Restricted\"\n"
            + "  - it is not trial\n"
            + "  - its maxConnections is more than 0\n"
            + "then\n"
            + "  Conclude INVALID_DETAILS because of WRONG_APP at the account layer\n"
            + "  Add the evidence \"The panel answered status Restricted\"\n"
            + "  Fill in app as \"IPTV Smarters Pro\"\n"
            + "  Report it\n"
            + "end\n");
    Files.writeString(
        rules.resolve("catalogue.properties"),
        "\nPAUSED.title = The reseller has paused this line\n"
            + "PAUSED.impact = The panel knows the details but holds the line until the reseller resumes it.\n"
            + "PAUSED.fix.1 = Ask your reseller to resume the line.\n"
            + "WRONG_APP.title = This line only works in {app}\n"
            + "WRONG_APP.impact = The provider locked the line to one app.\n"
            + "WRONG_APP.fix.1 = Install {app} and log in there.\n",
        java.nio.file.StandardOpenOption.APPEND);
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(
        scenarios.resolve("paused.feature"),
        "Feature: Our own cases\n\n"
            + "  Scenario: The reseller paused the line\n"
            + "    Given the facts of a working login\n"
            + "    And the login answer says status \"Paused\"\n"
            + "    When I evaluate the facts\n"
            + "    Then the category is AUTHORIZATION_FAILED\n"
            + "    And the cause is PAUSED\n"
            + "    And the fixes include \"Ask your reseller to resume\"\n\n"
            + "  Scenario: The line is locked to one app\n"
            + "    Given the facts of a working login\n"
            + "    And the login answer says status \"Restricted\"\n"
            + "    When I evaluate the facts\n"
            + "    Then the category is INVALID_DETAILS\n"
            + "    And the cause is WRONG_APP\n"
            + "    And the fixes include \"Install IPTV Smarters Pro\"\n"
            + "    And the evidence includes \"status Restricted\"\n");

    CliRun check = CliRun.run("rules", "check", rules.toString());
    assertEquals(ExitCode.NO_FAULT, check.exitCode(), check.toString());
    assertTrue(check.out().startsWith("rules OK: "), check.toString());

    // By default: failures (none) and one line.
    CliRun quiet =
        CliRun.run("rules", "test", rules.toString(), "--scenarios", scenarios.toString());
    assertEquals(ExitCode.NO_FAULT, quiet.exitCode(), quiet.toString());
    assertTrue(quiet.out().matches("scenarios: \\d+ passed, 0 failed\n"), quiet.toString());

    CliRun test =
        CliRun.run("rules", "test", "-v", rules.toString(), "--scenarios", scenarios.toString());
    assertEquals(ExitCode.NO_FAULT, test.exitCode(), test.toString());
    assertTrue(
        test.out()
            .contains(
                "PASS "
                    + scenarios.resolve("paused.feature").toAbsolutePath()
                    + ":3: The reseller paused the line"),
        test.toString());
    assertTrue(
        test.out().contains("PASS classpath:features/authorization-failed.feature:"),
        test.toString());
    assertTrue(test.out().contains(" 0 failed"), test.toString());
    assertFalse(test.out().contains("35-paused.dslr"), "the new rule fired in a scenario: " + test);

    // Only the team's own scenario: the guide's rules it does not reach are listed as never fired.
    CliRun mine =
        CliRun.run(
            "rules",
            "test",
            "--verbose",
            rules.toString(),
            "--scenarios",
            scenarios.toString(),
            "--only-mine");
    assertEquals(ExitCode.NO_FAULT, mine.exitCode(), mine.toString());
    assertTrue(mine.out().contains("scenarios: 2 passed, 0 failed; "), mine.toString());
    assertTrue(
        mine.out()
            .contains(
                "  "
                    + rules.resolve("30-authorization-failed.dslr")
                    + ":66: \"Authorization failed: the provider has banned the line\""),
        mine.toString());
    assertFalse(mine.out().contains("35-paused.dslr"), mine.toString());

    Path paused = tmp.resolve("paused.json");
    Files.writeString(
        paused,
        Files.readString(EXAMPLES.resolve("banned.json")).replace("\"Banned\"", "\"Paused\""));
    CliRun diagnosis =
        CliRun.run(
            "evaluate", "--rules", rules.toString(), "--facts", paused.toString(), "--no-color");
    assertEquals(ExitCode.FAULT, diagnosis.exitCode(), diagnosis.toString());
    assertTrue(diagnosis.out().contains("The reseller has paused this line"), diagnosis.toString());
    assertTrue(
        diagnosis.out().contains("Ask your reseller to resume the line."), diagnosis.toString());

    CliRun expired =
        CliRun.run(
            "evaluate",
            "--rules",
            rules.toString(),
            "--facts",
            EXAMPLES.resolve("expired.json").toString(),
            "--format",
            "json");
    assertTrue(
        expired
            .out()
            .contains("Renew the subscription online at renew.example.com, or call the help desk."),
        expired.toString());
    assertFalse(
        expired.out().contains("Renew the subscription with the provider or reseller."),
        expired.toString());
  }

  @Test
  void brokenEditsAreNamedByFileLineAndColumnInPlainWords() throws IOException {
    Path rules = copyOfRules(tmp.resolve("rules"));
    // DRL syntax: a bracket left open.
    replaceIn(
        rules.resolve("40-connection-timeout.drl"),
        "  HttpResponse( purpose == \"login\", outcome in ( \"http.timed_out\", \"http.body_timed_out\" ) )\nthen",
        "  HttpResponse( purpose == \"login\", outcome in ( \"http.timed_out\", \"http.body_timed_out\" )\nthen");
    // Unknown field, unknown fact.
    replaceIn(
        rules.resolve("50-host-not-found.drl"),
        "ServerInput( outcome == \"input.host_malformed\"",
        "ServerInput( outcom == \"input.host_malformed\"");
    replaceIn(
        rules.resolve("60-faq.drl"),
        "  ReportedSymptoms( worksOnMobileData == \"yes\" || worksOnVpn == \"yes\" )",
        "  ReportedSymptom( worksOnMobileData == \"yes\" || worksOnVpn == \"yes\" )");
    // A sentence with a typo.
    replaceIn(
        rules.resolve("30-authorization-failed.dslr"),
        "  - the account status is \"Banned\"\nthen",
        "  - the acount status is \"Banned\"\nthen");

    CliRun r = CliRun.run("rules", "check", rules.toString());
    assertEquals(ExitCode.RULES, r.exitCode(), r.toString());
    List<String> lines = r.err().lines().toList();
    assertLine(
        lines,
        rules.resolve("40-connection-timeout.drl"),
        ":\\d+:\\d+: unexpected 'then' in rule \"Condition: connected, but no HTTP answer before the deadline\"");
    assertLine(
        lines,
        rules.resolve("50-host-not-found.drl"),
        ":\\d+:\\d+: unknown field outcom on ServerInput \\(did you mean outcome\\?\\)");
    assertLine(
        lines,
        rules.resolve("60-faq.drl"),
        ":\\d+:\\d+: unknown fact ReportedSymptom \\(did you mean ReportedSymptoms\\?\\)");
    assertLine(
        lines,
        rules.resolve("30-authorization-failed.dslr"),
        ":69:1: this sentence matches no line of the DSL: \"- the acount status is \"Banned\"\" \\(did you mean: - the account status is \"\\{status}\"\\?\\)");
    assertTrue(r.err().contains("rules FAILED: "), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
    // No noise that follows from the typo (the ranking's declared type, skipped by Drools).
    assertFalse(r.err().contains("LayerRank"), r.toString());
  }

  /** Some line is FILE then the rest, a regex: ":12:3: unknown fact ...". */
  private static void assertLine(List<String> lines, Path file, String rest) {
    String regex = java.util.regex.Pattern.quote(file.toString()) + rest;
    assertTrue(
        lines.stream().anyMatch(l -> l.matches(regex)),
        "no line matches " + regex + " in:\n" + String.join("\n", lines));
  }

  @Test
  void theUntouchedRulesPassEveryScenarioAndAFlippedCategoryFailsOne() throws IOException {
    Path rules = copyOfRules(tmp.resolve("rules"));
    CliRun clean = CliRun.run("rules", "test", rules.toString());
    assertEquals(ExitCode.NO_FAULT, clean.exitCode(), clean.toString());
    assertFalse(clean.out().contains("FAIL "), clean.toString());
    assertTrue(clean.out().matches("(?s).*scenarios: \\d+ passed, 0 failed\n"), clean.toString());
    assertFalse(clean.out().contains("Rules no scenario fired"), clean.toString());

    replaceIn(
        rules.resolve("30-authorization-failed.dslr"),
        "Conclude AUTHORIZATION_FAILED because of BANNED at the account layer",
        "Conclude LOGIN_FAILED because of BANNED at the account layer");
    CliRun flipped = CliRun.run("rules", "test", rules.toString());
    assertEquals(ExitCode.FAULT, flipped.exitCode(), flipped.toString());
    assertTrue(
        flipped.out().contains("FAIL classpath:features/authorization-failed.feature:"),
        flipped.toString());
    assertTrue(flipped.out().contains(": The provider banned the line\n"), flipped.toString());
    assertTrue(flipped.out().contains("at line "), flipped.toString());
    assertTrue(
        flipped.out().contains("Then the category is AUTHORIZATION_FAILED"), flipped.toString());
    assertTrue(
        flipped.out().contains("expected category AUTHORIZATION_FAILED, got LOGIN_FAILED"),
        flipped.toString());
    assertTrue(
        flipped.out().matches("(?s).*scenarios: \\d+ passed, [1-9]\\d* failed\n"),
        flipped.toString());
  }
}
