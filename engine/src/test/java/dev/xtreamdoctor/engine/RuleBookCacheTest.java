package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk cache gives the same diagnoses as compiling, and never a stale or broken set. */
class RuleBookCacheTest {
  @TempDir Path dir;

  // Compiled once for the tests that only read: each compile takes seconds.
  @TempDir static Path shared;
  static RuleBook compiled;
  static RuleBook cached;

  @BeforeAll
  static void compileOnceAndLoadFromTheCache() throws Exception {
    compiled = new RuleBookCache(shared).load(RuleFiles.bundled());
    cached = new RuleBookCache(shared).load(RuleFiles.bundled());
  }

  static final String FACTS =
      "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":\"panel.auth_rejected\",\"auth\":0},"
          + "{\"type\":\"ServerInput\",\"typed\":\"panel.example\",\"outcome\":\"input.ok\","
          + "\"scheme\":\"http\",\"host\":\"panel.example\",\"port\":80,\"baseUrl\":\"http://panel.example\"}]}";

  @Test
  void aCachedRuleBookDiagnosesLikeACompiledOne() throws Exception {
    try (Stream<Path> list = Files.list(shared)) {
      assertEquals(1, list.filter(p -> p.toString().endsWith(".bin")).count());
    }
    assertNotEquals(compiled.kieBase(), cached.kieBase());

    List<Fact> facts = FactsJson.read(FACTS);
    Diagnosis expected = new DiagnosisEngine(compiled, Settings.defaults()).evaluate(facts);
    DiagnosisEngine engine = new DiagnosisEngine(cached, Settings.defaults());
    // More than 20 runs: Drools jits constraints after 20 evaluations (stack.md §2.6).
    for (int i = 0; i < 30; i++) {
      Diagnosis d = engine.evaluate(facts);
      assertEquals(expected.category(), d.category());
      assertEquals(expected.causes(), d.causes());
      assertEquals(expected.findings(), d.findings());
      assertEquals(expected.rulesFired(), d.rulesFired());
    }
  }

  @Test
  void everyExampleGetsTheSameDiagnosisFromTheCache() throws Exception {
    DiagnosisEngine fromCompiled = new DiagnosisEngine(compiled, Settings.defaults());
    DiagnosisEngine fromCache = new DiagnosisEngine(cached, Settings.defaults());
    List<Path> examples;
    try (Stream<Path> list = Files.list(Path.of("../examples/facts"))) {
      examples = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(examples.size() > 10, "examples found: " + examples.size());
    for (Path example : examples) {
      List<Fact> facts = FactsJson.read(Files.readString(example));
      Diagnosis expected = fromCompiled.evaluate(facts);
      Diagnosis actual = fromCache.evaluate(facts);
      assertEquals(expected.category(), actual.category(), example.toString());
      assertEquals(expected.causes(), actual.causes(), example.toString());
      assertEquals(expected.findings(), actual.findings(), example.toString());
      assertEquals(expected.rulesFired(), actual.rulesFired(), example.toString());
    }
  }

  @Test
  void aBrokenEntryIsReplaced() throws Exception {
    RuleFiles files = RuleFiles.bundled();
    new RuleBookCache(dir).load(files);
    Path entry = entries().get(0);
    Files.write(entry, new byte[] {1, 2, 3});
    RuleBook book = new RuleBookCache(dir).load(files);
    assertEquals(
        "INVALID_DETAILS",
        new DiagnosisEngine(book, Settings.defaults()).evaluate(FactsJson.read(FACTS)).category());
    assertTrue(Files.size(entry) > 1000, "rewritten");
  }

  @Test
  void editedRulesGetTheirOwnEntry() throws Exception {
    RuleFiles files = RuleFiles.bundled();
    Map<String, String> edited = new HashMap<>(files.files());
    edited.put("99-extra.drl", "package dev.xtreamdoctor.rules;\nrule \"extra\" when then end\n");
    RuleFiles other = new RuleFiles("edited", null, edited);
    assertNotEquals(RuleBookCache.key(files), RuleBookCache.key(other));
    new RuleBookCache(dir).load(other);
    RuleBook cached = new RuleBookCache(dir).load(other);
    assertTrue(
        new DiagnosisEngine(cached, Settings.defaults())
            .evaluate(FactsJson.read(FACTS))
            .rulesFired()
            .contains("extra"));
  }

  private List<Path> entries() throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(".bin")).toList();
    }
  }
}
