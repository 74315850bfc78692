package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCheckCommandTest {
  static final Path RULES = Path.of("../rules");

  @TempDir Path dir;

  @Test
  void theBundledRulesCompile() {
    CliRun r = CliRun.run("rules", "check");
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
    assertTrue(Pattern.matches("rules OK: \\d+ rules in \\d+ files\n", r.out()), r.toString());
  }

  @Test
  void aCopyWithATypoFailsWithFileLineColumn() throws Exception {
    Path copy = copyOfRules();
    Path drl = copy.resolve("10-invalid-details.drl");
    Files.writeString(drl, Files.readString(drl).replaceFirst("LoginAnswer\\(", "LogInAnswer("));
    CliRun r = CliRun.run("rules", "check", copy.toString());
    assertEquals(ExitCode.RULES, r.exitCode(), r.toString());
    assertTrue(
        Pattern.compile(
                "^" + Pattern.quote(drl.toString()) + ":\\d+:\\d+: .*LogInAnswer",
                Pattern.MULTILINE)
            .matcher(r.err())
            .find(),
        r.toString());
    assertTrue(r.err().contains("rules FAILED: "), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
  }

  @Test
  void evaluateRefusesBrokenRulesWithExitThree() throws Exception {
    Path copy = copyOfRules();
    Path drl = copy.resolve("10-invalid-details.drl");
    Files.writeString(drl, Files.readString(drl).replaceFirst("\\bthen\\b", "than"));
    CliRun r =
        CliRun.run("evaluate", "--facts", EvaluateCommandTest.REJECTED, "--rules", copy.toString());
    assertEquals(ExitCode.RULES, r.exitCode(), r.toString());
    assertTrue(r.err().startsWith(drl + ":"), r.toString());
    assertEquals("", r.out());
  }

  @Test
  void rulesThatDrawNoConclusionAreRefusedBeforeUseWithExitThree() throws Exception {
    Files.copy(RULES.resolve("catalogue.properties"), dir.resolve("catalogue.properties"));
    Files.writeString(
        dir.resolve("only.drl"),
        "package dev.xtreamdoctor.rules;\nrule \"nothing\" when then end\n");
    CliRun r =
        CliRun.run("evaluate", "--facts", EvaluateCommandTest.REJECTED, "--rules", dir.toString());
    assertEquals(ExitCode.RULES, r.exitCode(), r.toString());
    assertTrue(
        r.err()
            .matches(
                java.util.regex.Pattern.quote(
                        dir
                            + ": the rules drew no conclusion for these facts: no rule inserted a Conclusion (the ranking rules in"
                            + " 00-ranking.drl are missing or broken) (seen on the bundled example facts ")
                    + "[\\w.-]+\\.json\\)\n"),
        r.toString());
    assertEquals("", r.out());
  }

  @Test
  void rulesWithoutSubcommandIsUsage() {
    CliRun r = CliRun.run("rules");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("rules check"), r.toString());
  }

  private Path copyOfRules() throws IOException {
    return copyOfRules(dir);
  }

  /** A copy of the bundled rules in {@code dir}/rules, to break on purpose. */
  static Path copyOfRules(Path dir) throws IOException {
    Path copy = dir.resolve("rules");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(RULES)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!Files.isDirectory(f)) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    return copy;
  }
}
