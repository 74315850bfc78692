package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's bodies against the real ones quoted in xtream-api.md §1.3 and §1.5. */
class PanelFidelityTest {

  private static final String BODY_A = fixture("body-a-xc2-eternal.json");
  private static final String BODY_B = fixture("body-b-xc2-tnt.json");
  private static final String BODY_E = fixture("body-e-xc2-empty-https-port.json");
  private static final String BODY_F_AS_QUOTED = fixture("body-f-xui-1.5.5-as-quoted.json");
  private static final String XUI_404 = fixture("xui-fake-404.html");

  @Test
  void xc2LoginMatchesRealBodyAByteForByte() throws Exception {
    Account eternal =
        new Account(
            "ETERNAL_USERNAME",
            "ETERNAL_PASSWORD",
            LineStatus.ACTIVE,
            null,
            false,
            1,
            3,
            1526616000L,
            List.of("m3u8", "ts", "rtmp"));
    PanelSettings settings =
        PanelSettings.defaults(PanelFamily.XC2)
            .withMessage("")
            .withServer("<host>", "25461", "25463", "25462")
            .withTimezone("America/New_York")
            .withProcess(false);
    try (PanelServer server = servedAt(1535230019L, PanelFamily.XC2, eternal, settings)) {
      RawHttp.Answer a =
          RawHttp.get(
              server, "/player_api.php?username=ETERNAL_USERNAME&password=ETERNAL_PASSWORD");
      assertEquals(200, a.status());
      assertEquals("application/json", a.header("Content-Type"));
      assertEquals(BODY_A, a.bodyText());
    }
  }

  @Test
  void xc2LoginMatchesRealBodyBWithCloudflarePortsAndAnExpiryDate() throws Exception {
    Account line =
        new Account(
            "TNT_USERNAME",
            "TNT_PASSWORD",
            LineStatus.ACTIVE,
            "1539670803",
            false,
            0,
            3,
            1531894803L,
            List.of("m3u8", "ts"));
    PanelSettings settings =
        PanelSettings.defaults(PanelFamily.XC2)
            .withMessage("")
            .withServer("<host>", "2052", "2053", "8001")
            .withTimezone("America/New_York")
            .withProcess(false);
    try (PanelServer server = servedAt(1535230022L, PanelFamily.XC2, line, settings)) {
      assertEquals(
          BODY_B,
          RawHttp.get(server, "/player_api.php?username=TNT_USERNAME&password=TNT_PASSWORD")
              .bodyText());
    }
  }

  @Test
  void xc2LoginMatchesRealBodyEWithEmptyHttpsPort() throws Exception {
    Account line =
        new Account(
            "username",
            "password",
            LineStatus.ACTIVE,
            "1746833038",
            false,
            0,
            1,
            1715275438L,
            List.of("ts"));
    PanelSettings settings =
        PanelSettings.defaults(PanelFamily.XC2)
            .withMessage("Enjoy The Show !!!")
            .withServer("example.com", "80", "", "8009")
            .withTimezone("Europe/London")
            .withProcess(true);
    try (PanelServer server = servedAt(1729335877L, PanelFamily.XC2, line, settings)) {
      assertEquals(
          BODY_E,
          RawHttp.get(server, "/player_api.php?username=username&password=password").bodyText());
    }
  }

  @Test
  void xuiLoginMatchesRealBodyF() throws Exception {
    Account line =
        new Account(
            "teste",
            "123456",
            LineStatus.ACTIVE,
            null,
            false,
            1,
            6,
            1743243036L,
            List.of("m3u8", "ts", "rtmp"));
    PanelSettings settings =
        PanelSettings.defaults(PanelFamily.XUI)
            .withMessage("Bem vindo")
            .withServer("<host>", "80", "443", "8484")
            .withTimezone("America/Sao_Paulo")
            .withXuiVersion("1.5.5", 2);
    try (PanelServer server = servedAt(1761674900L, PanelFamily.XUI, line, settings)) {
      String body =
          RawHttp.get(server, "/player_api.php?username=teste&password=123456").bodyText();
      // F was pretty-printed by its reporter; PHP's json_encode writes it compact with "\/".
      String compactPhp = BODY_F_AS_QUOTED.replace(",\n ", ",").replace("America/", "America\\/");
      assertEquals(compactPhp, body);
      assertEquals(parse(BODY_F_AS_QUOTED), parse(body));
      assertEquals(
          List.copyOf(parse(BODY_F_AS_QUOTED).getJsonObject("server_info").keySet()),
          List.copyOf(parse(body).getJsonObject("server_info").keySet()));
    }
  }

  @Test
  void xc2BadCredentialsIsAuthZeroObject() throws Exception {
    try (PanelServer server = PanelServer.builder(Panel.xc2(Account.active("u", "p"))).start()) {
      RawHttp.Answer a = RawHttp.get(server, "/player_api.php?username=u&password=wrong");
      assertEquals(200, a.status());
      assertEquals("application/json", a.header("Content-Type"));
      assertEquals("{\"user_info\":{\"auth\":0}}", a.bodyText());
    }
  }

  @Test
  void xuiRefusalIsTheFakeNginx404ByteForByte() throws Exception {
    try (PanelServer server = PanelServer.builder(Panel.xui(Account.active("u", "p"))).start()) {
      RawHttp.Answer a = RawHttp.get(server, "/player_api.php?username=u&password=wrong");
      assertEquals(404, a.status());
      assertEquals("HTTP/1.1 404 Not Found", a.statusLine());
      assertArrayEquals(XUI_404.getBytes(StandardCharsets.US_ASCII), a.body());
      assertEquals(XUI_404, Pages.xuiFake404());
    }
  }

  /** A reference body, without the newline that ends the file. */
  private static String fixture(String name) {
    try (InputStream in = PanelFidelityTest.class.getResourceAsStream("reference/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.substring(0, text.length() - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A panel of one line, its clock stopped where the reference body was captured. */
  private static PanelServer servedAt(
      long epochSecond, PanelFamily family, Account line, PanelSettings settings) {
    Panel panel =
        Panel.builder(family)
            .account(line)
            .settings(settings)
            .clock(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC))
            .build();
    return PanelServer.builder(panel).start();
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
