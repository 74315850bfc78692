package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.explain.ExplainedDiagnosis;
import dev.xtreamdoctor.engine.explain.Explainer;
import dev.xtreamdoctor.engine.explain.Explanation;
import dev.xtreamdoctor.engine.explain.ExplanationRenderer;
import dev.xtreamdoctor.engine.render.Format;
import dev.xtreamdoctor.engine.render.TextStyle;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --explain: the chain from facts to the conclusion, and why not the other categories. */
class ExplainerTest {
  private static ExplainedDiagnosis explain(String example) {
    return Explainer.evaluate(SharedRules.ENGINE, ExampleFacts.of(example).facts());
  }

  @Test
  void theChainLeadsFromTheConclusionThroughTheFindingToTheFacts() {
    Explanation e = explain("expired").explanation();
    assertEquals("AUTHORIZATION_FAILED", e.category());
    assertEquals("EXPIRED", e.causeId());
    List<String> rules = e.chain().stream().map(s -> s.depth() + " " + s.rule()).toList();
    assertEquals(
        List.of(
            "0 Ranking: a fault in the account decides",
            "1 Authorization failed: the subscription has expired",
            "2 Condition: the line has expired (status, or exp_date before the server's clock)"),
        rules);
    Explanation.Step finding = e.chain().get(1);
    assertEquals("rules/30-authorization-failed.dslr", finding.file());
    assertEquals(
        "Finding error AUTHORIZATION_FAILED/EXPIRED at the account layer", finding.produced());
    assertTrue(
        finding.matched().stream()
            .anyMatch(
                m -> m.startsWith("LoginAnswer(outcome=panel.login_ok, auth=1, status=Expired")),
        finding.matched().toString());
  }

  @Test
  void everyOtherCategorySaysWhichConditionDidNotHold() {
    Explanation e = explain("expired").explanation();
    assertEquals(
        List.of("INVALID_DETAILS", "LOGIN_FAILED", "CONNECTION_TIMEOUT", "HOST_NOT_FOUND"),
        e.whyNot().stream().map(Explanation.WhyNot::category).toList());
    Explanation.Miss port =
        e.whyNot().get(1).rules().stream()
            .filter(
                m -> m.rule().equals("Login failed: the port cannot be reached although DNS works"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "the condition port_unreachable was not derived from the facts"
            + " (it comes from rule \"Condition: the port does not answer although DNS works\", rules/20-login-failed.drl:"
            + lineOf(
                "20-login-failed.drl",
                "rule \"Condition: the port does not answer although DNS works\"")
            + ")",
        port.reason());
    assertEquals("Condition( name == \"port_unreachable\" )", port.condition());
    Explanation.Miss tls =
        e.whyNot().get(0).rules().stream()
            .filter(m -> m.rule().equals("Invalid details: the https certificate has expired"))
            .findFirst()
            .orElseThrow();
    assertEquals("there is no TlsHandshake fact", tls.reason());
    // A fact that is there but does not fit.
    Explanation.Miss refused =
        e.whyNot().get(0).rules().stream()
            .filter(
                m ->
                    m.rule()
                        .equals(
                            "Invalid details: the panel refused the username and password (auth 0)"))
            .findFirst()
            .orElseThrow();
    assertEquals("no LoginAnswer fact matches this", refused.reason());
  }

  @Test
  void aCategoryFoundTooButDecidedByAnEarlierLayerSaysSo() {
    // Wrong credentials refused (login layer) while the user reports peak-hour failures (symptoms
    // layer).
    Explanation e =
        Explainer.evaluate(
                SharedRules.ENGINE,
                ExampleFacts.of("credentials-rejected")
                    .set("ReportedSymptoms", Map.of("failsAtPeakHours", "yes"))
                    .facts())
            .explanation();
    assertEquals("INVALID_DETAILS", e.category());
    Explanation.WhyNot timeout =
        e.whyNot().stream()
            .filter(w -> w.category().equals("CONNECTION_TIMEOUT"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "CONNECTION_TIMEOUT was found too (PEAK_HOUR_FAILURES at the symptoms layer), but the login layer comes first on the way to a login, so it decides",
        timeout.summary());
  }

  @Test
  void textAndJsonCarryTheExplanation() {
    ExplainedDiagnosis x = explain("flood-ban");
    String text =
        ExplanationRenderer.render(Format.TEXT, Format.TEXT.renderer(TextStyle.PLAIN_ASCII), x);
    assertTrue(text.contains("Why LOGIN_FAILED (FLOOD_BAN):"), text);
    assertTrue(text.contains("Why not the other categories:"), text);
    String json =
        ExplanationRenderer.render(Format.JSON, Format.JSON.renderer(TextStyle.PLAIN_ASCII), x);
    JsonObject o = Json.createReader(new StringReader(json)).readObject();
    assertEquals("LOGIN_FAILED", o.getString("category"));
    assertEquals("FLOOD_BAN", o.getJsonObject("explanation").getString("causeId"));
    assertTrue(o.getJsonObject("explanation").getJsonArray("chain").size() >= 2, json);
    assertEquals(4, o.getJsonObject("explanation").getJsonArray("whyNot").size());
  }

  /**
   * The line a text starts on in a bundled rule file, so an edit above it does not break this test.
   */
  private static int lineOf(String file, String text) {
    try {
      List<String> lines =
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "rules", file));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(text)) {
          return i + 1;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError(text + " not in " + file);
  }
}
