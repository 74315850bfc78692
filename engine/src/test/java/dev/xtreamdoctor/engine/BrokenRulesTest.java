package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken rule files from {@code src/test/resources/rules-invalid} and the exact lines a support
 * person sees for each from compiling: {@code file:line:col: message}. A broken set is refused
 * whole. (What lint and the smoke evaluation add is in RuleLintTest and RuleCheckTest.)
 */
class BrokenRulesTest {
  private static final Path SOURCE = Path.of("src", "test", "resources", "rules-invalid");

  /** How the directory is named in messages. */
  private static final Path SHOWN = Path.of("rules-invalid");

  /** The sentences support staff really write with: the fixtures use the shipped DSL. */
  private static final Path REAL_DSL = Path.of("..", "rules", "support.dsl");

  static Stream<Arguments> brokenSets() {
    return Stream.of(
        Arguments.of(
            List.of("syntax-error.drl"),
            List.of(
                "rules-invalid/syntax-error.drl:9:1: unexpected 'then' in rule \"Broken: missing parenthesis\"")),
        Arguments.of(
            List.of("unknown-field.drl"),
            List.of(
                "rules-invalid/unknown-field.drl:8:16: unknown field stauts on LoginAnswer (did you mean status?)")),
        Arguments.of(
            List.of("unknown-fact-type.drl"),
            List.of(
                "rules-invalid/unknown-fact-type.drl:8:3: unknown fact LoginAnswr (did you mean LoginAnswer?)")),
        Arguments.of(
            List.of("bad-consequence.drl"),
            List.of(
                "rules-invalid/bad-consequence.drl:10:15: the rule's then part does not compile: The constructor Finding(String, String) is undefined")),
        Arguments.of(
            List.of("unclosed-rule.drl"),
            List.of(
                "rules-invalid/unclosed-rule.drl:6:1: rule \"Broken: no end\" has no 'end': add a line 'end' after its then part, at the end of the file")),
        Arguments.of(
            List.of("support.dsl", "unmatched-sentence.dslr"),
            List.of(
                "rules-invalid/unmatched-sentence.dslr:7:1: this sentence matches no line of the DSL:"
                    + " \"The panel acepted the login\" (did you mean: The panel accepted the login?)")),
        Arguments.of(
            List.of("support.dsl", "unmatched-narrowing.dslr"),
            List.of(
                "rules-invalid/unmatched-narrowing.dslr:8:1: this sentence matches no line of the DSL:"
                    + " \"- the line is a trail\" (did you mean: - the line is a trial?)")),
        Arguments.of(
            List.of("support.dsl", "unmatched-result.dslr"),
            List.of(
                "rules-invalid/unmatched-result.dslr:9:1: this sentence matches no line of the DSL:"
                    + " \"Note the condtion login_ok\"")),
        Arguments.of(
            List.of("unclosed-quote.drl"),
            List.of(
                "rules-invalid/unclosed-quote.drl:7:26: a quote opens here and is never closed on this line: \"Expired ) (add the closing \")")),
        Arguments.of(
            List.of("syntax-error.drl", "unknown-field.drl", "bad-consequence.drl"),
            List.of(
                "rules-invalid/syntax-error.drl:9:1: unexpected 'then' in rule \"Broken: missing parenthesis\"",
                "rules-invalid/unknown-field.drl:8:16: unknown field stauts on LoginAnswer (did you mean status?)",
                "rules-invalid/bad-consequence.drl:10:15: the rule's then part does not compile: The constructor Finding(String, String) is undefined")));
  }

  private static RuleFiles ruleFiles(List<String> names) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : names) {
      Path file = name.equals("support.dsl") ? REAL_DSL : SOURCE.resolve(name);
      files.put(name, Files.readString(file, StandardCharsets.UTF_8));
    }
    files.put(RuleFiles.CATALOGUE, "");
    return new RuleFiles(SHOWN.toString(), SHOWN, files);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSets")
  void aBrokenSetIsRefusedWithExactMessages(List<String> names, List<String> expected)
      throws IOException {
    RulesException e = assertThrows(RulesException.class, () -> RuleBook.build(ruleFiles(names)));
    List<String> shown = e.problems().stream().map(RuleProblem::toString).sorted().toList();
    assertEquals(expected.stream().sorted().toList(), shown);
  }

  @Test
  void theSameDslWithACorrectSentenceCompiles() throws Exception {
    RuleBook book = RuleBook.build(ruleFiles(List.of("support.dsl", "good-sentence.dslr")));
    assertEquals(1, book.kieBase().getKiePackage(RuleBook.RULES_PACKAGE).getRules().size());
  }
}
