package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.render.Format;
import dev.xtreamdoctor.engine.render.TextStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Words without Java: a text changed in catalogue.properties shows in every rendering, with no rule
 * touched. Reuses the compiled KieBase: only the words differ.
 */
class CatalogueWordsTest {
  @Test
  void aChangedFixAndTitleShowInTextJsonAndMarkdown() throws Exception {
    Map<String, String> files = new LinkedHashMap<>(SharedRules.BOOK.files().files());
    String catalogue =
        files
            .get(RuleFiles.CATALOGUE)
            .replace(
                "EXPIRED.fix.1 = Renew the subscription with the provider or reseller.",
                "EXPIRED.fix.1 = Call Dana at the help desk on 0800 123 (renewals).")
            .replace(
                "EXPIRED.title = The subscription has expired (on {expiredOn})",
                "EXPIRED.title = Your line ran out on {expiredOn}");
    files.put(RuleFiles.CATALOGUE, catalogue);
    RuleBook edited = RuleBook.of(SharedRules.BOOK.kieBase(), new RuleFiles("edited", null, files));
    Diagnosis d =
        new DiagnosisEngine(edited, dev.xtreamdoctor.engine.facts.Settings.defaults())
            .evaluate(ExampleFacts.of("expired").facts());
    for (Format f : Format.values()) {
      String out = f.renderer(TextStyle.PLAIN_ASCII).render(d);
      assertTrue(
          out.contains("Call Dana at the help desk on 0800 123 (renewals)."), f + ":\n" + out);
      assertTrue(out.contains("Your line ran out on 20 November 2026, 21:20 UTC"), f + ":\n" + out);
      assertFalse(
          out.contains("Renew the subscription with the provider or reseller."), f + ":\n" + out);
    }
  }
}
