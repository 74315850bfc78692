package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's bodies against the real ones quoted in xtream-api.md §1.3 and §1.5. */
class PanelFidelityTest {

  /** §1.5 A: XC2-era provider, 2018, never-expiring line (tellytv/go.xtream-codes eternal). */
  private static final String BODY_A =
      "{\"user_info\":{\"username\":\"ETERNAL_USERNAME\",\"password\":\"ETERNAL_PASSWORD\","
          + "\"message\":\"\",\"auth\":1,\"status\":\"Active\",\"exp_date\":null,\"is_trial\":\"0\","
          + "\"active_cons\":\"1\",\"created_at\":\"1526616000\",\"max_connections\":\"3\","
          + "\"allowed_output_formats\":[\"m3u8\",\"ts\",\"rtmp\"]},\"server_info\":{\"url\":\"<host>\","
          + "\"port\":\"25461\",\"https_port\":\"25463\",\"server_protocol\":\"http\","
          + "\"rtmp_port\":\"25462\",\"timezone\":\"America\\/New_York\",\"timestamp_now\":1535230019,"
          + "\"time_now\":\"2018-08-25 16:46:59\",\"process\":false}}";

  /** §1.5 E: real provider 2024, empty https_port (pierre-emmanuelJ/iptv-proxy#160). */
  private static final String BODY_E =
      "{\"user_info\":{\"username\":\"username\",\"password\":\"password\",\"message\":\"Enjoy The"
          + " Show !!!\",\"auth\":1,\"status\":\"Active\",\"exp_date\":\"1746833038\",\"is_trial\":\"0\","
          + "\"active_cons\":\"0\",\"created_at\":\"1715275438\",\"max_connections\":\"1\","
          + "\"allowed_output_formats\":[\"ts\"]},\"server_info\":{\"url\":\"example.com\",\"port\":\"80\","
          + "\"https_port\":\"\",\"server_protocol\":\"http\",\"rtmp_port\":\"8009\","
          + "\"timezone\":\"Europe\\/London\",\"timestamp_now\":1729335877,"
          + "\"time_now\":\"2024-10-19 12:04:37\",\"process\":true}}";

  /** §1.5 F: XUI.one 1.5.5, 2025 (Kevinjil/Jellyfin.Xtream#230), as the reporter pasted it. */
  private static final String BODY_F_AS_QUOTED =
      "{\"user_info\":{\"username\":\"teste\",\"password\":\"123456\",\"message\":\"Bem vindo\","
          + "\"auth\":1,\"status\":\"Active\",\"exp_date\":null,\"is_trial\":\"0\",\"active_cons\":\"1\","
          + "\"created_at\":\"1743243036\",\"max_connections\":\"6\","
          + "\"allowed_output_formats\":[\"m3u8\",\"ts\",\"rtmp\"]},\n"
          + " \"server_info\":{\"xui\":true,\"version\":\"1.5.5\",\"revision\":2,\"url\":\"<host>\","
          + "\"port\":\"80\",\"https_port\":\"443\",\"server_protocol\":\"http\",\"rtmp_port\":\"8484\","
          + "\"timestamp_now\":1761674900,\"time_now\":\"2025-10-28 15:08:20\","
          + "\"timezone\":\"America/Sao_Paulo\"}}";

  /** The fake nginx 404 of XUI.one's constants.php (§1.3), CRLF line ends, six paddings. */
  private static final String XUI_404 =
      "<html>\r\n"
          + "<head><title>404 Not Found</title></head>\r\n"
          + "<body>\r\n"
          + "<center><h1>404 Not Found</h1></center>\r\n"
          + "<hr><center>nginx</center>\r\n"
          + "</body>\r\n"
          + "</html>\r\n"
          + "<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n".repeat(6);

  @Test
  void xc2LoginMatchesRealBodyAByteForByte() throws Exception {
    Account eternal =
        new Account("ETERNAL_USERNAME", "ETERNAL_PASSWORD", LineStatus.ACTIVE, null, false, 1, 3,
            1526616000L, List.of("m3u8", "ts", "rtmp"));
    PanelSettings settings =
        PanelSettings.defaults(PanelFamily.XC2)
            .withMessage("")
            .withServer("<host>", "25461", "25463", "25462")
            .withTimezone("America/New_York")
            .withProcess(false);
    Panel panel =
        Panel.builder(PanelFamily.XC2).account(eternal).settings(settings)
            .clock(fixedAt(1535230019L)).build();
    try (PanelServer server = PanelServer.builder(panel).start()) {
      RawHttp.Answer a =
          RawHttp.get(server, "/player_api.php?username=ETERNAL_USERNAME&password=ETERNAL_PASSWORD");
      assertEquals(200, a.status());
      assertEquals("application/json", a.header("Content-Type"));
      assertEquals(BODY_A, a.bodyText());
    }
  }

  @Test
  void xc2LoginMatchesRealBodyEWithEmptyHttpsPort() throws Exception {
    Account line =
        new Account("username", "password", LineStatus.ACTIVE, "1746833038", false, 0, 1,
            1715275438L, List.of("ts"));
    PanelSettings settings =
        PanelSettings.defaults(PanelFamily.XC2)
            .withMessage("Enjoy The Show !!!")
            .withServer("example.com", "80", "", "8009")
            .withTimezone("Europe/London")
            .withProcess(true);
    Panel panel =
        Panel.builder(PanelFamily.XC2).account(line).settings(settings)
            .clock(fixedAt(1729335877L)).build();
    try (PanelServer server = PanelServer.builder(panel).start()) {
      assertEquals(
          BODY_E,
          RawHttp.get(server, "/player_api.php?username=username&password=password").bodyText());
    }
  }

  @Test
  void xuiLoginMatchesRealBodyF() throws Exception {
    Account line =
        new Account("teste", "123456", LineStatus.ACTIVE, null, false, 1, 6, 1743243036L,
            List.of("m3u8", "ts", "rtmp"));
    PanelSettings settings =
        PanelSettings.defaults(PanelFamily.XUI)
            .withMessage("Bem vindo")
            .withServer("<host>", "80", "443", "8484")
            .withTimezone("America/Sao_Paulo")
            .withXuiVersion("1.5.5", 2);
    Panel panel =
        Panel.builder(PanelFamily.XUI).account(line).settings(settings)
            .clock(fixedAt(1761674900L)).build();
    try (PanelServer server = PanelServer.builder(panel).start()) {
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

  private static Clock fixedAt(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
