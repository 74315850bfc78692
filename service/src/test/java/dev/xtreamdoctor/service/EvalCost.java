package dev.xtreamdoctor.service;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Settings;
import dev.xtreamdoctor.engine.render.JsonRenderer;
import java.util.List;

/**
 * Not a test: what one evaluation costs without HTTP (bench/serve-load.sh prints it beside the HTTP
 * figures), so the service's own overhead can be told from the engine's.
 */
public final class EvalCost {
  private EvalCost() {}

  public static void main(String[] args) throws Exception {
    List<Fact> facts = FactsJson.read(args[0]);
    DiagnosisEngine engine = new DiagnosisEngine(Fixtures.rules(), Settings.defaults());
    int n = Integer.parseInt(args[1]);
    for (int i = 0; i < n; i++) {
      JsonRenderer.toJson(engine.evaluate(facts)).toString();
    }
    long t0 = System.nanoTime();
    long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    int len = 0;
    for (int i = 0; i < n; i++) {
      Diagnosis d = engine.evaluate(facts);
      len += JsonRenderer.toJson(d).toString().length();
    }
    long cpu =
        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
    System.out.printf(
        "engine+JSON, one thread, no HTTP: %d evaluations, %.3f ms wall and %.3f ms CPU each (%d chars)%n",
        n, (System.nanoTime() - t0) / 1e6 / n, cpu / 1e6 / n, len / n);
    for (int i = 0; i < n; i++) {
      FactsJson.read(args[0]);
    }
    cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      len += FactsJson.read(args[0]).size();
    }
    cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
    System.out.printf(
        "reading the facts (strict JSON), one thread: %.3f ms CPU each%n", cpu / 1e6 / n);
  }
}
