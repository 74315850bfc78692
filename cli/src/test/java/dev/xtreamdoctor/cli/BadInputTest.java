package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake a user can make ends in one line on stderr and exit code 2, never a trace. */
class BadInputTest {
  @TempDir Path dir;

  private static void assertOneLine(CliRun r, int code, String expected) {
    assertEquals(code, r.exitCode(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().contains(expected), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
    assertFalse(r.err().contains("\tat "), r.toString());
  }

  @Test
  void missingFactsFile() {
    assertOneLine(
        CliRun.run("evaluate", "--facts", "nope.json"),
        2,
        "xtream-doctor: nope.json: no such file");
  }

  @Test
  void factsFileIsADirectory() {
    assertOneLine(
        CliRun.run("evaluate", "--facts", dir.toString()),
        2,
        dir + ": cannot read: is a directory");
  }

  @Test
  void invalidJson() {
    assertOneLine(
        CliRun.run("evaluate", "--facts", "src/test/resources/facts/invalid.json"),
        2,
        "invalid.json: not valid JSON at line 1, column");
  }

  @Test
  void notUtf8() throws Exception {
    Path f = dir.resolve("latin1.json");
    Files.write(f, new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'});
    assertOneLine(CliRun.run("evaluate", "--facts", f.toString()), 2, "latin1.json: not");
  }

  @Test
  void unknownOutcomeIsNamedWithASuggestion() {
    assertOneLine(
        CliRun.run("evaluate", "--facts", "src/test/resources/facts/unknown-outcome.json"),
        2,
        "fact #1 (LoginAnswer): unknown outcome \"panel.auth_rejectd\" (did you mean"
            + " panel.auth_rejected?)");
  }

  @Test
  void missingFactsOption() {
    assertOneLine(CliRun.run("evaluate"), 2, "Missing required option: '--facts=FILE'");
  }

  @Test
  void unknownFormat() {
    assertOneLine(CliRun.run("evaluate", "--facts", "x.json", "--format", "yaml"), 2, "--format");
  }

  @Test
  void unknownOption() {
    assertOneLine(
        CliRun.run("evaluate", "--facts", "x.json", "--fcats"), 2, "Unknown option: '--fcats'");
  }

  @Test
  void unknownCommand() {
    assertOneLine(CliRun.run("diagnoze"), 2, "diagnoze");
  }

  @Test
  void noCommand() {
    assertOneLine(CliRun.run(), 2, "missing command");
  }

  @Test
  void missingConfigFile() {
    assertOneLine(
        CliRun.run(
            "evaluate", "--facts", EvaluateCommandTest.ACCEPTED, "--config", "missing.properties"),
        2,
        "missing.properties: no such configuration file");
  }

  @Test
  void badConfigValue() throws Exception {
    Path config = dir.resolve("bad.properties");
    Files.writeString(config, "doctor.timeout.connect-ms=soon\n");
    assertOneLine(
        CliRun.run(
            "evaluate", "--facts", EvaluateCommandTest.ACCEPTED, "--config", config.toString()),
        2,
        "xtream-doctor: doctor.timeout.connect-ms: \"soon\" is not valid (Expected an integer"
            + " value, got \"soon\")");
  }
}
