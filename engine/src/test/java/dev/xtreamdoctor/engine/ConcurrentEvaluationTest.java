package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xtreamdoctor.engine.facts.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Helpdesk tools call one engine from many threads: pooled sessions must never leak facts or fired
 * rules from one diagnosis into another.
 */
class ConcurrentEvaluationTest {
  @Test
  void manyThreadsGetTheSameDiagnosesAsOne() throws Exception {
    List<List<Fact>> cases = ExampleFacts.all();
    List<Evaluation> alone = new ArrayList<>();
    for (List<Fact> facts : cases) {
      alone.add(SharedRules.ENGINE.evaluateRules(facts));
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Evaluation>> results = new ArrayList<>();
      for (int round = 0; round < 6; round++) {
        for (List<Fact> facts : cases) {
          results.add(pool.submit(() -> SharedRules.ENGINE.evaluateRules(facts)));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        Evaluation expected = alone.get(i % cases.size());
        Evaluation got = results.get(i).get();
        assertEquals(expected.conclusion(), got.conclusion(), "case " + i % cases.size());
        assertEquals(expected.findings(), got.findings(), "case " + i % cases.size());
        assertEquals(expected.rulesFired(), got.rulesFired(), "case " + i % cases.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
