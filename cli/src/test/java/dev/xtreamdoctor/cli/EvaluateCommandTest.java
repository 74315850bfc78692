package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluateCommandTest {
  static final String REJECTED = "src/test/resources/facts/rejected.json";
  static final String ACCEPTED = "src/test/resources/facts/accepted.json";

  @TempDir Path dir;

  @Test
  void aFaultInTextExitsOne() {
    CliRun r = CliRun.run("evaluate", "--facts", REJECTED);
    assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
    assertTrue(r.out().contains("[✓] Input (http://panel.example:8080)\n"), r.toString());
    assertTrue(
        r.out().contains("[✗] Login (the panel refused the username and password)\n"),
        r.toString());
    assertTrue(
        r.out().contains("    ✗ The panel refused this username and password\n"), r.toString());
    assertTrue(
        r.out()
            .startsWith(
                "! Found a problem: Invalid Details — The panel refused this username and"
                    + " password\n\n"),
        r.toString());
    assertTrue(r.out().contains("\nWhat to do:\n  1. "), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void aFaultInJson() {
    CliRun r = CliRun.run("evaluate", "--facts", REJECTED, "--format", "json");
    assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
    JsonObject o = Json.createReader(new StringReader(r.out())).readObject();
    assertEquals("INVALID_DETAILS", o.getString("category"));
    assertEquals("CREDENTIALS_REJECTED", o.getJsonArray("causes").getJsonObject(0).getString("id"));
    assertTrue(o.getJsonArray("rulesFired").size() > 0);
  }

  @Test
  void aFaultInMarkdown() {
    CliRun r = CliRun.run("evaluate", "--facts", REJECTED, "--format", "MARKDOWN");
    assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
    assertTrue(
        r.out().startsWith("**Invalid Details**\n\nChecked http://panel.example:8080 on "),
        r.toString());
    assertTrue(r.out().contains(" UTC.\n\n### What we found\n"), r.toString());
    assertTrue(r.out().contains("### What to do\n\n1. "), r.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "markdown"})
  void noFaultExitsZero(String format) {
    CliRun r = CliRun.run("evaluate", "--facts", ACCEPTED, "--format", format);
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
    assertFalse(r.out().isBlank(), r.toString());
    assertEquals("", r.err());
  }

  @Test
  void factsFromStandardInput() throws Exception {
    String json = Files.readString(Path.of(REJECTED));
    Terminal t = new Terminal(CliRun.stdin(json), Map.of(), false, StandardCharsets.UTF_8);
    CliRun r = CliRun.run(t, "evaluate", "--facts", "-", "--format", "json");
    assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
    assertTrue(r.out().contains("\"CREDENTIALS_REJECTED\""), r.toString());
  }

  @Test
  void thePasswordNeverShows() throws Exception {
    Path facts = dir.resolve("pasted.json");
    Files.writeString(
        facts,
        "{\"facts\":[{\"type\":\"ServerInput\",\"typed\":"
            + "\"http://p.example:8080/get.php?username=joe&password=Hunter22\","
            + "\"outcome\":\"input.ok\",\"scheme\":\"http\",\"host\":\"p.example\",\"port\":8080,"
            + "\"pastedForm\":\"get_php\",\"baseUrl\":\"http://p.example:8080\"}]}");
    for (String format : new String[] {"text", "json", "markdown"}) {
      CliRun r = CliRun.run("evaluate", "--facts", facts.toString(), "--format", format);
      assertFalse(r.out().contains("Hunter22"), r.toString());
      assertFalse(r.err().contains("Hunter22"), r.toString());
    }
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    Terminal tty = new Terminal(CliRun.stdin(""), Map.of(), true, StandardCharsets.UTF_8);
    Terminal noColor =
        new Terminal(CliRun.stdin(""), Map.of("NO_COLOR", "1"), true, StandardCharsets.UTF_8);
    assertTrue(CliRun.run(tty, "evaluate", "--facts", REJECTED).out().contains("\u001b[31m"));
    assertFalse(CliRun.run(noColor, "evaluate", "--facts", REJECTED).out().contains("\u001b["));
    assertFalse(
        CliRun.run(tty, "evaluate", "--facts", REJECTED, "--no-color").out().contains("\u001b["));
  }

  @Test
  void asciiWhenAskedOrWhenTheTerminalIsNotUtf8() {
    Terminal latin1 = new Terminal(CliRun.stdin(""), Map.of(), false, StandardCharsets.ISO_8859_1);
    for (CliRun r :
        new CliRun[] {
          CliRun.run("evaluate", "--facts", REJECTED, "--ascii"),
          CliRun.run(latin1, "evaluate", "--facts", REJECTED)
        }) {
      assertTrue(r.out().contains("[OK] Input"), r.toString());
      assertTrue(r.out().contains("[X] Login"), r.toString());
      assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(r.out()), r.toString());
    }
  }

  @Test
  void thresholdsComeFromTheConfigFile() throws Exception {
    Path config = dir.resolve("doctor.properties");
    Files.writeString(config, "doctor.thresholds.expiry-warning-days=9\n");
    CliRun r = CliRun.run("evaluate", "--facts", ACCEPTED, "--config", config.toString());
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
  }
}
