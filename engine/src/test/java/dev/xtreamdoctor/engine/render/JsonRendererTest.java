package dev.xtreamdoctor.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

  @Test
  void stableFieldNamesInOrder() {
    String out = new JsonRenderer().render(SampleDiagnoses.rejected());
    JsonObject o = Json.createReader(new StringReader(out)).readObject();
    assertEquals(
        List.of(
            "schemaVersion",
            "checkedAt",
            "target",
            "category",
            "title",
            "summary",
            "layers",
            "causes",
            "fixes",
            "evidence",
            "evidenceKeys",
            "findings",
            "facts",
            "rulesFired",
            "rulesVersion",
            "language"),
        List.copyOf(o.keySet()));
    assertEquals("en", o.getString("language"));
    assertEquals(1, o.getInt("schemaVersion"));
    assertEquals("INVALID_DETAILS", o.getString("category"));
    assertEquals("CREDENTIALS_REJECTED", o.getJsonArray("causes").getJsonObject(0).getString("id"));
    JsonObject finding = o.getJsonArray("findings").getJsonObject(0);
    assertEquals(
        List.of(
            "category",
            "causeId",
            "severity",
            "layer",
            "title",
            "impact",
            "fixes",
            "evidence",
            "evidenceKeys"),
        List.copyOf(finding.keySet()));
    assertEquals("login", finding.getString("layer"));
    assertEquals("ServerInput", o.getJsonArray("facts").getJsonObject(0).getString("type"));
    assertEquals("0123456789abcdef", o.getString("rulesVersion"));
    assertEquals("2026-03-12T09:30:00Z", o.getString("checkedAt"));
    assertEquals(
        Json.createObjectBuilder()
            .add("server", "http://panel.example:8080")
            .add("username", "joe")
            .build(),
        o.getJsonObject("target"));
    JsonObject login = o.getJsonArray("layers").getJsonObject(5);
    assertEquals(List.of("layer", "label", "state", "status"), List.copyOf(login.keySet()));
    assertEquals("login", login.getString("layer"));
    assertEquals("fault", login.getString("state"));
    assertEquals("the panel refused the username and password", login.getString("status"));
  }

  @Test
  void neverPrintsThePassword() {
    String out = new JsonRenderer().render(SampleDiagnoses.rejected());
    assertFalse(out.contains(SampleDiagnoses.SECRET), out);
    JsonObject o = Json.createReader(new StringReader(out)).readObject();
    assertEquals(
        "http://panel.example:8080/get.php?username=joe&password=***",
        o.getJsonArray("facts").getJsonObject(0).getString("typed"));
  }

  @Test
  void theChecklistHasTheTerminalReportsMarks() {
    jakarta.json.JsonArray checks = JsonRenderer.checks(SampleDiagnoses.rejected());
    String text = new TextRenderer(TextStyle.PLAIN_UNICODE).render(SampleDiagnoses.rejected());
    for (JsonObject c : checks.getValuesAs(JsonObject.class)) {
      String line =
          "["
              + c.getString("mark")
              + "] "
              + c.getString("label")
              + " ("
              + c.getString("status")
              + ")";
      org.junit.jupiter.api.Assertions.assertTrue(
          text.contains(line + "\n"), line + " in\n" + text);
    }
    JsonObject login =
        checks.getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("layer").equals("login"))
            .findFirst()
            .orElseThrow();
    assertEquals("fault", login.getString("state"));
    assertEquals("✗", login.getString("mark"));
    assertEquals(
        "CREDENTIALS_REJECTED",
        login.getJsonArray("findings").getJsonObject(0).getString("causeId"));
  }
}
