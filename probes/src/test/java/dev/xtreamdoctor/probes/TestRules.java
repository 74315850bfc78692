package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.facts.Settings;

/** The bundled rules, compiled once per test JVM (compiling costs about a second). */
final class TestRules {
  private TestRules() {}

  private static DiagnosisEngine engine;

  static synchronized DiagnosisEngine engine() throws Exception {
    if (engine == null) {
      engine = new DiagnosisEngine(RuleBook.bundled(), Settings.defaults());
    }
    return engine;
  }
}
