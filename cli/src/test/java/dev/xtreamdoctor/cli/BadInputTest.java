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

  @Test
  void hostileFactsFilesAreRefusedByName() throws Exception {
    String[][] cases = {
      {"[".repeat(2000) + "]".repeat(2000), "nested more than 32 levels deep"},
      {
        "[{\"type\":\"LoginAnswer\",\"auth\":" + "1".repeat(2_000_000) + "}]",
        "\"[0].auth\" holds a number of 2000000 characters"
      },
      {
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"auth\":0,\"auth\":1}]}",
        "\"facts[0].auth\" appears twice"
      },
      {"{\"facts\":[]} {\"facts\":[]}", "more after the JSON document"},
      {"{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":null}]}", "field \"outcome\" is null"},
      {"[{\"type\":\"LoginAnswer\",\"auth\":4294967297}]", "field \"auth\" must be a whole number"},
      {"[{\"type\":\"ServerInput\",\"port\":-1}]", "field \"port\" must be a whole number from 0"},
      {"[{\"type\":\"TcpConnect\",\"millis\":-1}]", "field \"millis\""},
    };
    for (String[] c : cases) {
      Path f = dir.resolve("hostile.json");
      Files.writeString(f, c[0]);
      CliRun r = CliRun.run("evaluate", "--facts", f.toString());
      assertOneLine(r, 2, c[1]);
      assertTrue(r.err().startsWith("xtream-doctor: " + f + ": "), r.toString());
    }
  }
}
