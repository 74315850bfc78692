package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.facts.Fact;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every scenario with a canary password and looks for it, in every form it could travel in, in
 * the facts, the judged diagnosis, and anything printed meanwhile.
 */
class CanaryPasswordTest {
  private static final String CANARY = ProbeCases.PASSWORD;

  static List<String> forms(String secret) {
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return List.of(
        secret,
        secret.toLowerCase(Locale.ROOT),
        form,
        form.replace("+", "%20"),
        dev.xtreamdoctor.engine.Redactor.phpJsonEscaped(secret),
        dev.xtreamdoctor.engine.Redactor.phpJsonEscaped(secret).replace("\\/", "/"),
        Base64.getEncoder().encodeToString(bytes),
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  @Test
  void theCanaryAppearsNowhere() throws Exception {
    DiagnosisEngine engine = TestRules.engine();
    ProbeCases.warmUp();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    List<String> leaks = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    int scenarios = 0;
    System.setOut(capture);
    System.setErr(capture);
    try {
      for (Map.Entry<String, ProbeCases.Scenario> s : ProbeCases.all().entrySet()) {
        List<Fact> facts = ProbeCases.run(s.getKey()).facts();
        String text = facts + "\n" + engine.evaluate(facts);
        // what the probes observe reads back as it was written (serve's cache, evaluate --facts)
        String written =
            FactsJson.writeAll(facts.stream().map(f -> (Record) f).toList()).toString();
        if (!FactsJson.read(written).equals(facts)) {
          unread.add(s.getKey());
        }
        check(s.getKey(), text, leaks);
        scenarios++;
      }
      for (String typed :
          List.of(
              "ftp://u:" + CANARY + "@panel.example.test",
              "http://panel.example.test/get.php?username=u&password="
                  + URLEncoder.encode(CANARY, StandardCharsets.UTF_8),
              "http://u:" + CANARY + "@bad host.example")) {
        try {
          check(
              "input " + typed.substring(0, 12),
              ServerInputParser.parse(typed).input().toString(),
              leaks);
        } catch (BadServerInputException e) {
          check("input refusal", e.getMessage(), leaks);
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    check("printed output", printed.toString(StandardCharsets.UTF_8), leaks);
    assertTrue(scenarios >= 30, "scenarios run: " + scenarios);
    if (!leaks.isEmpty()) {
      fail("the canary password leaked in: " + leaks);
    }
    if (!unread.isEmpty()) {
      fail("facts that do not read back as written: " + unread);
    }
  }

  private static void check(String where, String text, List<String> leaks) {
    for (String form : forms(CANARY)) {
      if (text.contains(form)) {
        leaks.add(where + " (form " + forms(CANARY).indexOf(form) + ")");
      }
    }
  }
}
