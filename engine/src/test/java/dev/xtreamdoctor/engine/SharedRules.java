package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Settings;

/** The bundled rules, compiled once per test JVM: building a KieBase is the slow part. */
final class SharedRules {
  private SharedRules() {}

  static final RuleBook BOOK = compile();
  static final DiagnosisEngine ENGINE = new DiagnosisEngine(BOOK, Settings.defaults());

  private static RuleBook compile() {
    try {
      return RuleBook.bundled();
    } catch (RulesException e) {
      throw new IllegalStateException("the bundled rules do not compile:\n" + e.getMessage(), e);
    }
  }
}
