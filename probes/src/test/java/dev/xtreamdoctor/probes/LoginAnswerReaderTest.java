package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.LoginAnswer;
import dev.xtreamdoctor.engine.facts.Outcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tolerant reader, on bodies as real panels and emulators write them (xtream-api.md §1.5). */
class LoginAnswerReaderTest {
  private static LoginAnswer read(String json) {
    return LoginAnswerReader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void realProviderBodyWithEmptyHttpsPortAndEscapedSlashes() {
    LoginAnswer a =
        read(
            "{\"user_info\":{\"username\":\"u\",\"password\":\"p\",\"message\":\"Enjoy\",\"auth\":1,"
                + "\"status\":\"Active\",\"exp_date\":\"1746833038\",\"is_trial\":\"0\",\"active_cons\":\"0\","
                + "\"created_at\":\"1715275438\",\"max_connections\":\"1\",\"allowed_output_formats\":[\"ts\"]},"
                + "\"server_info\":{\"url\":\"example.com\",\"port\":\"80\",\"https_port\":\"\",\"server_protocol\":\"http\","
                + "\"rtmp_port\":\"8009\",\"timezone\":\"Europe\\/London\",\"timestamp_now\":1729335877,"
                + "\"time_now\":\"2024-10-19 12:04:37\",\"process\":true}}");
    assertEquals(Outcome.PANEL_LOGIN_OK, a.outcome());
    assertEquals(1746833038L, a.expDate());
    assertEquals(1729335877L, a.serverTime());
    assertEquals("", a.httpsPort());
    assertEquals("80", a.serverPort());
    assertEquals("xc2", a.panelFamily());
    assertFalse(a.trial());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "null|0",
        "\"\"|0",
        "\"0\"|0",
        "0|0",
        "1746833038|1746833038",
        "\"1746833038\"|1746833038",
        "\"2099-12-31\"|4102358400",
        "\"soon\"|-1"
      })
  void expiryForms(String json, long expected) {
    assertEquals(
        expected, read("{\"user_info\":{\"auth\":1,\"exp_date\":" + json + "}}").expDate());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1|1",
        "\"1\"|1",
        "true|1",
        "0|0",
        "\"0\"|0",
        "false|0",
        // out of range is not "1" in disguise (issue 13): the low 32 or 64 bits are never used
        "4294967297|-1",
        "\"4294967297\"|-1",
        "18446744073709551617|-1",
        "1e400|-1",
        "\"1.0\"|1"
      })
  void authForms(String json, int expected) {
    assertEquals(expected, read("{\"user_info\":{\"auth\":" + json + "}}").auth());
  }

  @Test
  void shapes() {
    assertEquals(Outcome.PANEL_AUTH_REJECTED, read("{\"user_info\":{\"auth\":0}}").outcome());
    assertEquals(Outcome.PANEL_ANSWER_UNEXPECTED, read("[]").outcome());
    assertEquals(Outcome.PANEL_ANSWER_UNEXPECTED, read("{\"user_info\":null}").outcome());
    assertEquals(Outcome.PANEL_ANSWER_MALFORMED, read("{\"user_info\":{\"auth\":1").outcome());
    assertEquals(Outcome.PANEL_ANSWER_MALFORMED, read("[".repeat(100_000)).outcome());
    LoginAnswer xui =
        read(
            "{\"user_info\":{\"auth\":1,\"active_cons\":0,\"max_connections\":\"6\"},"
                + "\"server_info\":{\"xui\":true,\"version\":\"1.5.13\"}}");
    assertEquals("xui", xui.panelFamily());
    assertEquals(6, xui.maxConnections());
  }

  @Test
  void bodySignals() {
    byte[] padded = Scenarios404.XUI.getBytes(StandardCharsets.UTF_8);
    assertTrue(
        ResponseSignals.signals(
                404, "nginx", "", "html", padded, dev.xtreamdoctor.engine.PageSignals.bundled())
            .contains("xui_padded_404"));
    assertEquals("html", ResponseSignals.bodyShape(padded, "text/html"));
    assertEquals("empty", ResponseSignals.bodyShape(new byte[0], "application/json"));
    assertEquals(
        "json", ResponseSignals.bodyShape("\uFEFF {\"a\":1}".getBytes(StandardCharsets.UTF_8), ""));
    assertEquals(
        "other",
        ResponseSignals.bodyShape("#EXTM3U".getBytes(StandardCharsets.UTF_8), "audio/x-mpegurl"));
  }

  /** XUI's fake nginx 404 (reference xtream-api.md §1.3). */
  private static final class Scenarios404 {
    static final String XUI =
        "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
            + "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            + "<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n".repeat(6);
  }
}
