package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xtreamdoctor.engine.facts.Settings;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void authZeroIsInvalidDetails() throws Exception {
    long t0 = System.nanoTime();
    RuleBook book = RuleBook.bundled();
    long t1 = System.nanoTime();
    DiagnosisEngine engine = new DiagnosisEngine(book, Settings.defaults());
    Diagnosis d =
        engine.evaluate(
            FactsJson.read(
                "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":\"panel.auth_rejected\",\"auth\":0}]}"));
    System.out.println("build ms " + (t1 - t0) / 1e6 + " " + d);
    assertEquals("INVALID_DETAILS", d.category());
    assertEquals("CREDENTIALS_REJECTED", d.causes().get(0).id());
  }
}
