package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xtreamdoctor.engine.facts.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * rules/FACTS.md is the reference support staff write rules from: it must keep up with the code
 * (every fact type, field and outcome code) and with the rules (every condition they derive).
 */
class FactsDocTest {
  private static final Path RULES = Path.of("..", "rules");

  private static String doc() throws IOException {
    return Files.readString(RULES.resolve("FACTS.md"), StandardCharsets.UTF_8);
  }

  /** The text under "### Type", up to the next heading of that level or above. */
  private static String section(String doc, String type) {
    Matcher m = Pattern.compile("(?m)^### " + Pattern.quote(type) + "\\s*$").matcher(doc);
    if (!m.find()) {
      return null;
    }
    Matcher next = Pattern.compile("(?m)^#{2,3} ").matcher(doc);
    int end = next.find(m.end()) ? next.start() : doc.length();
    return doc.substring(m.end(), end);
  }

  @Test
  void everyFactTypeAndFieldIsDocumented() throws IOException {
    String doc = doc();
    List<String> missing = new ArrayList<>();
    for (String type : FactModel.typeNames()) {
      String section = section(doc, type);
      if (section == null) {
        missing.add("### " + type);
        continue;
      }
      for (String field : FactModel.fields(FactModel.type(type).orElseThrow())) {
        if (!section.contains("`" + field + "`")) {
          missing.add(type + "." + field);
        }
      }
    }
    assertEquals(List.of(), missing, "in the code but not in rules/FACTS.md");
  }

  @Test
  void everyClosedVocabularyIsDocumentedInItsOrder() throws IOException {
    String doc = doc();
    String table =
        doc.substring(doc.indexOf("## Closed vocabularies"), doc.indexOf("## Outcome codes"));
    for (List<String> vocabulary :
        List.of(
            dev.xtreamdoctor.engine.facts.Vocabulary.CATEGORIES,
            dev.xtreamdoctor.engine.facts.Vocabulary.LAYERS,
            dev.xtreamdoctor.engine.facts.Vocabulary.SEVERITIES,
            dev.xtreamdoctor.engine.facts.Vocabulary.PROBE_SIGNALS)) {
      String written =
          vocabulary.stream()
              .map(v -> "`" + v + "`")
              .collect(java.util.stream.Collectors.joining(", "));
      assertEquals(
          true,
          table.contains(written),
          written + " is not in FACTS.md's \"Closed vocabularies\", in this order");
    }
  }

  @Test
  void everyOutcomeCodeIsDocumented() throws IOException {
    String doc = doc();
    List<String> missing =
        Outcome.ALL.stream().filter(code -> !doc.contains("`" + code + "`")).toList();
    assertEquals(List.of(), missing, "outcome codes missing from rules/FACTS.md");
  }

  @Test
  void everyConditionTheRulesDeriveIsDocumented() throws IOException {
    String conditions = section(doc(), "Condition");
    Pattern derived = Pattern.compile("(?:Condition\\.of|new Condition)\\(\\s*\"([a-z_]+)\"");
    TreeSet<String> missing = new TreeSet<>();
    // A .dslr counts with its sentences expanded: "Note the condition x" derives x too.
    java.util.Map<String, String> expanded;
    try {
      expanded = RuleSource.of(RuleFiles.fromDirectory(RULES)).expanded();
    } catch (RulesException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    expanded.forEach(
        (file, text) -> {
          Matcher m = derived.matcher(text);
          while (m.find()) {
            if (!conditions.contains("`" + m.group(1) + "`")) {
              missing.add(m.group(1) + " (" + file + ")");
            }
          }
        });
    assertEquals(new TreeSet<String>(), missing, "conditions missing from rules/FACTS.md");
  }
}
