package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example facts file through the command line, in all three formats: the exit code follows
 * the category, and text, JSON and Markdown tell the same diagnosis. (Which category each example
 * must get is asserted in the engine's ExamplesTest.)
 */
class ExamplesCliTest {
  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../examples/facts"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void allFormatsAgree(Path example) {
    CliRun json = CliRun.run("evaluate", "--facts", example.toString(), "--format", "json");
    JsonObject d = Json.createReader(new StringReader(json.out())).readObject();
    String category = d.getString("category");
    boolean inconclusive = category.equals("INCONCLUSIVE");
    boolean fault = !category.equals("NO_FAULT_FOUND") && !inconclusive;
    int code = fault ? ExitCode.FAULT : inconclusive ? ExitCode.INCONCLUSIVE : ExitCode.NO_FAULT;
    assertEquals(code, json.exitCode(), json.toString());
    String title = d.getString("title");
    String cause = d.getJsonArray("causes").getJsonObject(0).getString("text");

    CliRun text = CliRun.run("evaluate", "--facts", example.toString());
    CliRun md = CliRun.run("evaluate", "--facts", example.toString(), "--format", "markdown");
    assertEquals(code, text.exitCode(), text.toString());
    // The answer first: one line, the category and the deciding cause.
    String first = text.out().lines().findFirst().orElse("");
    if (fault) {
      assertEquals(
          "! Found a problem: " + title + " — " + cause,
          first.replaceAll(" \\(and \\d+ more\\)$", ""));
    } else if (inconclusive) {
      assertEquals("? The check could not complete: " + cause, first, text.toString());
      assertTrue(
          text.out()
              .lines()
              .skip(1)
              .findFirst()
              .orElse("")
              .startsWith("  No fault was seen, but no working login either"),
          text.toString());
    } else {
      assertTrue(first.startsWith("✓ No problems found"), text.toString());
    }
    // Plain words: no outcome code, raw field name or unix time in the text a person reads.
    for (String outcome : dev.xtreamdoctor.engine.facts.Outcome.ALL) {
      assertFalse(text.out().contains(outcome), outcome + " in\n" + text.out());
    }
    for (String raw :
        List.of(
            "active_cons",
            "max_connections",
            "exp_date",
            "timestamp_now",
            "is_trial",
            "user_info")) {
      assertFalse(text.out().contains(raw), raw + " in\n" + text.out());
      assertFalse(md.out().contains(raw.replace("_", "\\_")), raw + " in\n" + md.out());
    }
    assertFalse(text.out().matches("(?s).*\\b1[0-9]{9}\\b.*"), "a unix time in\n" + text.out());
    assertFalse(
        text.out().matches("(?s).*\\b1 (seconds|connections|checks|days|hours)\\b.*"),
        "a plural after 1 in\n" + text.out());
    assertTrue(text.out().contains(cause), text.toString());

    assertEquals(code, md.exitCode(), md.toString());
    assertTrue(md.out().startsWith("**" + MarkdownEscape.of(title) + "**\n"), md.toString());
    assertTrue(md.out().contains("### What to do\n\n1. "), md.toString());
  }

  /** The renderer's escaping, for comparing titles. */
  static final class MarkdownEscape {
    static String of(String s) {
      return s.replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
    }
  }
}
