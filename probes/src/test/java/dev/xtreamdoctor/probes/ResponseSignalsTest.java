package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.xtreamdoctor.engine.facts.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The panel's JSON, found behind a byte-order mark or PHP warnings, and named as such. */
class ResponseSignalsTest {
  private static final String LOGIN =
      "{\"user_info\":{\"auth\":1,\"status\":\"Active\"},\"server_info\":{}}";
  private static final String WARNING =
      "<br />\n<b>Warning</b>:  Undefined array key \"x\" in <b>/home/xtreamcodes/init.php</b> on line <b>41</b><br />\n";

  private static List<String> signals(String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return ResponseSignals.signals(
        200,
        "nginx",
        "",
        ResponseSignals.bodyShape(b, "text/html"),
        b,
        dev.xtreamdoctor.engine.PageSignals.bundled());
  }

  @Test
  void aCleanAnswerIsJustTheLogin() {
    assertEquals(List.of("user_info"), signals(LOGIN));
    assertEquals(List.of("user_info"), signals("\n  " + LOGIN + "\n"));
  }

  @Test
  void noiseAroundTheJsonIsNamed() {
    assertEquals(List.of("user_info", "bom"), signals("\uFEFF" + LOGIN));
    assertEquals(List.of("user_info", "text_before_json"), signals(WARNING + LOGIN));
    assertEquals(List.of("user_info", "text_after_json"), signals(LOGIN + WARNING));
    assertEquals(
        List.of("user_info", "text_before_json", "text_after_json"),
        signals(WARNING + LOGIN + WARNING));
  }

  @Test
  void theLoginIsReadBehindTheNoise() {
    byte[] wrapped = (WARNING + "{\"user_info\":{\"auth\":0}}").getBytes(StandardCharsets.UTF_8);
    assertEquals(Outcome.PANEL_AUTH_REJECTED, LoginAnswerReader.read(wrapped).outcome());
    byte[] bom = ("\uFEFF" + LOGIN).getBytes(StandardCharsets.UTF_8);
    assertEquals(Outcome.PANEL_LOGIN_OK, LoginAnswerReader.read(bom).outcome());
  }

  @Test
  void aPageWithoutTheLoginIsNoLogin() {
    assertEquals(List.of(), signals("<html><body>{\"a\":1}</body></html>"));
    assertNull(
        ResponseSignals.JsonPart.locate(
            "{\"user_info\":{\"auth\":1".getBytes(StandardCharsets.UTF_8)));
    assertNull(ResponseSignals.JsonPart.locate("   ".getBytes(StandardCharsets.UTF_8)));
  }
}
