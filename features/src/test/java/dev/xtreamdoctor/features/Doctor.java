package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.facts.Settings;

/** The bundled rules, compiled once for every scenario: building the KieBase is the slow part. */
final class Doctor {
  private Doctor() {}

  static final DiagnosisEngine ENGINE = new DiagnosisEngine(compile(), Settings.defaults());

  private static RuleBook compile() {
    try {
      return RuleBook.bundled();
    } catch (RulesException e) {
      throw new IllegalStateException("the bundled rules do not compile:\n" + e.getMessage(), e);
    }
  }
}
