package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.explain.Explainer;
import dev.xtreamdoctor.engine.explain.Explanation;
import dev.xtreamdoctor.engine.facts.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: two errors of different categories on one layer are settled by the documented order
 * (category, then cause id), never by which file loads first, and --explain says so.
 */
class RankingTieTest {
  private static final String FILTER =
      "package dev.xtreamdoctor.rules;\n\nimport dev.xtreamdoctor.engine.facts.*;\n\n"
          + "rule \"Login failed: a provider filter answers 503\"\nwhen\n  HttpResponse( purpose == \"login\", status == 503 )\nthen\n"
          + "  insert( Finding.error( \"LOGIN_FAILED\", \"PROVIDER_FILTER\", \"http\" ) );\nend\n";

  private static RuleBook withFilterIn(String file) throws RulesException {
    Map<String, String> files = new LinkedHashMap<>(SharedRules.BOOK.files().files());
    files.put(file, FILTER);
    return RuleBook.compile(new RuleFiles("test", null, files));
  }

  @Test
  void theSameTieIsSettledTheSameWayWhicheverFileComesFirst() throws Exception {
    for (String file : new String[] {"00-aaa-filter.drl", "45-filter.drl", "99-zzz-filter.drl"}) {
      DiagnosisEngine engine = new DiagnosisEngine(withFilterIn(file), Settings.defaults());
      Diagnosis d = engine.evaluate(ExampleFacts.of("server-overloaded").facts());
      assertEquals("LOGIN_FAILED", d.category(), file);
      assertEquals("PROVIDER_FILTER", d.causeIds().get(0), file);
      Explanation.WhyNot timeout =
          Explainer.evaluate(engine, ExampleFacts.of("server-overloaded").facts())
              .explanation()
              .whyNot()
              .stream()
              .filter(w -> w.category().equals("CONNECTION_TIMEOUT"))
              .findFirst()
              .orElseThrow();
      assertTrue(
          timeout
              .summary()
              .contains(
                  "on the same layer as the deciding error (http); on one layer the categories rank"),
          timeout.summary());
      assertTrue(
          !timeout.summary().contains("comes first on the way to a login"), timeout.summary());
    }
  }
}
