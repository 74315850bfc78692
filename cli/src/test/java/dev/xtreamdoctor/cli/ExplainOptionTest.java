package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** {@code evaluate --explain}: the why, in text and in JSON; nothing extra without it. */
class ExplainOptionTest {
  private static final String EXPIRED = "../examples/facts/expired.json";

  @Test
  void textGetsAWhySection() {
    CliRun r = CliRun.run("evaluate", "--facts", EXPIRED, "--explain");
    assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
    assertTrue(r.out().contains("Why AUTHORIZATION_FAILED (EXPIRED):"), r.toString());
    assertTrue(
        r.out()
            .contains(
                "by rule \"Authorization failed: the subscription has expired\" (rules/30-authorization-failed.dslr:"),
        r.toString());
    assertTrue(r.out().contains("matched LoginAnswer(outcome=panel.login_ok"), r.toString());
    assertTrue(r.out().contains("Why not the other categories:"), r.toString());
    assertTrue(r.out().contains("there is no TlsHandshake fact"), r.toString());
  }

  @Test
  void jsonGetsAnExplanationObjectOnlyWhenAsked() {
    CliRun r = CliRun.run("evaluate", "--facts", EXPIRED, "--explain", "--format", "json");
    JsonObject o = Json.createReader(new StringReader(r.out())).readObject();
    JsonObject e = o.getJsonObject("explanation");
    assertEquals("EXPIRED", e.getString("causeId"));
    assertEquals(
        "Authorization failed: the subscription has expired",
        e.getJsonArray("chain").getJsonObject(1).getString("rule"));
    assertEquals(4, e.getJsonArray("whyNot").size());

    CliRun plain = CliRun.run("evaluate", "--facts", EXPIRED, "--format", "json");
    assertFalse(
        Json.createReader(new StringReader(plain.out())).readObject().containsKey("explanation"),
        plain.toString());
  }
}
