package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** XC2 / Xtream UI answers, reference §1.3 and §2.1–2.2. */
class Xc2PanelTest {
  private static PanelServer server;

  @BeforeAll
  static void start() {
    Panel panel =
        Panel.builder(PanelFamily.XC2)
            .account(Account.active("alice", "s3cret"))
            .account(Account.expired("old", "s3cret"))
            .account(Account.active("banned", "s3cret").withStatus(LineStatus.BANNED))
            .account(Account.active("off", "s3cret").withStatus(LineStatus.DISABLED))
            .account(Account.active("full", "s3cret").withConnections(2, 2).withTrial(true))
            .build();
    server = PanelServer.builder(panel).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void activeLineLogsInWithStringTypedNumbersAndEscapedSlashes() throws Exception {
    RawHttp.Answer a = RawHttp.get(server, "/player_api.php?username=alice&password=s3cret");
    assertEquals(200, a.status());
    assertTrue(a.bodyText().contains("\"timezone\":\"Europe\\/London\""), a.bodyText());
    JsonObject user = json(a).getJsonObject("user_info");
    assertEquals(1, user.getInt("auth"));
    assertEquals("Active", user.getString("status"));
    assertEquals(JsonValue.ValueType.STRING, user.get("max_connections").getValueType());
    assertEquals(JsonValue.NULL, user.get("exp_date"));
    JsonObject info = json(a).getJsonObject("server_info");
    assertEquals("panel.example.test", info.getString("url"));
    assertEquals(String.valueOf(server.port()), info.getString("port"));
    assertFalse(info.containsKey("xui"));
  }

  @Test
  void blankCredentialsGetAnEmptyJson200() throws Exception {
    for (String target :
        new String[] {
          "/player_api.php?username=&password=",
          "/player_api.php?username=alice&password=",
          "/player_api.php"
        }) {
      RawHttp.Answer a = RawHttp.get(server, target);
      assertEquals(200, a.status(), target);
      assertEquals("application/json", a.header("Content-Type"));
      assertEquals(0, a.body().length, target);
    }
  }

  @Test
  void inactiveLinesLogInWithTheirStatusAndTheActionIgnored() throws Exception {
    assertStatus("old", "Expired");
    assertStatus("banned", "Banned");
    assertStatus("off", "Disabled");
    RawHttp.Answer a =
        RawHttp.get(server, "/player_api.php?username=old&password=s3cret&action=get_live_streams");
    assertEquals("Expired", json(a).getJsonObject("user_info").getString("status"));
  }

  @Test
  void connectionLimitAndTrialShowInTheLoginObject() throws Exception {
    JsonObject user =
        json(RawHttp.get(server, "/player_api.php?username=full&password=s3cret"))
            .getJsonObject("user_info");
    assertEquals("Active", user.getString("status"));
    assertEquals("2", user.getString("active_cons"));
    assertEquals("2", user.getString("max_connections"));
    assertEquals("1", user.getString("is_trial"));
  }

  @Test
  void knownActionsAnswerTheirShapeUnknownOnesTheLoginObject() throws Exception {
    String base = "/player_api.php?username=alice&password=s3cret&action=";
    assertTrue(
        RawHttp.get(server, base + "get_live_categories")
            .bodyText()
            .startsWith("[{\"category_id\":\"1\""));
    assertTrue(
        RawHttp.get(server, base + "get_live_streams").bodyText().contains("\"stream_id\":1"));
    assertEquals("{\"info\":[]}", RawHttp.get(server, base + "get_vod_info").bodyText());
    assertTrue(
        RawHttp.get(server, base + "get_profile")
            .bodyText()
            .startsWith("{\"user_info\":{\"username\":\"alice\""));
    assertTrue(
        RawHttp.get(server, base + "get_server_info").bodyText().contains("\"server_info\""));
  }

  @Test
  void getPhpAndXmltvFailureAnswers() throws Exception {
    RawHttp.Answer m3u =
        RawHttp.get(server, "/get.php?username=alice&password=bad&type=m3u_plus&output=ts");
    assertEquals(404, m3u.status());
    assertEquals(0, m3u.body().length);
    assertEquals(404, RawHttp.get(server, "/get.php?username=old&password=s3cret").status());
    assertEquals(401, RawHttp.get(server, "/xmltv.php?username=alice&password=bad").status());
    RawHttp.Answer ok =
        RawHttp.get(server, "/get.php?username=alice&password=s3cret&type=m3u_plus&output=ts");
    assertEquals(200, ok.status());
    assertTrue(ok.bodyText().startsWith("#EXTM3U\r\n#EXTINF:-1 tvg-id="));
    assertTrue(ok.header("Content-Disposition").contains("tv_channels_alice_plus.m3u"));
    RawHttp.Answer epg = RawHttp.get(server, "/xmltv.php?username=alice&password=s3cret");
    assertEquals("application/xml", epg.header("Content-Type"));
  }

  @Test
  void streamsAnswer401ForBadCredentials403ForInactiveLinesAndTsForGoodOnes() throws Exception {
    assertEquals(401, RawHttp.get(server, "/live/alice/bad/1.ts").status());
    assertEquals(401, RawHttp.get(server, "/alice/bad/1").status());
    assertEquals(403, RawHttp.get(server, "/movie/old/s3cret/2.mp4").status());
    RawHttp.Answer ok = RawHttp.get(server, "/live/alice/s3cret/1.ts");
    assertEquals(200, ok.status());
    assertEquals("video/mp2t", ok.header("Content-Type"));
    assertEquals(0x47, ok.body()[188]);
    assertEquals(
        200, RawHttp.get(server, "/timeshift/alice/s3cret/60/2024-01-15:14-00/1.ts").status());
  }

  @Test
  void absoluteFormTargetsAreServedLikeOriginForm() throws Exception {
    RawHttp.Answer a =
        RawHttp.get(server, "http://panel.example.test/player_api.php?username=alice&password=bad");
    assertEquals("{\"user_info\":{\"auth\":0}}", a.bodyText());
  }

  @Test
  void garbageRequestLineGetsNginxs400() throws Exception {
    assertEquals(400, RawHttp.send(server.port(), "GET", "/a b", "x").status());
  }

  @Test
  void unknownPathIsNginxsOwn404WithoutPadding() throws Exception {
    RawHttp.Answer a = RawHttp.get(server, "/c/");
    assertEquals(404, a.status());
    assertEquals(Pages.nginx404(), a.bodyText());
    assertFalse(a.bodyText().contains("padding"));
  }

  @Test
  void oddTypesWriteIntsAndAnEmptyHttpsPort() throws Exception {
    Panel panel =
        Panel.builder(PanelFamily.XC2)
            .account(Account.active("u", "p").withExpDate("1900000000"))
            .settings(PanelSettings.defaults(PanelFamily.XC2).withOddTypes(true))
            .build();
    try (PanelServer odd = PanelServer.builder(panel).start()) {
      JsonObject body = json(RawHttp.get(odd, "/player_api.php?username=u&password=p"));
      JsonObject user = body.getJsonObject("user_info");
      assertEquals(JsonValue.ValueType.NUMBER, user.get("exp_date").getValueType());
      assertEquals(JsonValue.ValueType.NUMBER, user.get("max_connections").getValueType());
      assertEquals(JsonValue.ValueType.NUMBER, user.get("active_cons").getValueType());
      assertEquals("", body.getJsonObject("server_info").getString("https_port"));
      assertEquals(
          JsonValue.ValueType.NUMBER, body.getJsonObject("server_info").get("port").getValueType());
    }
  }

  private static void assertStatus(String username, String status) throws Exception {
    JsonObject user =
        json(RawHttp.get(server, "/player_api.php?username=" + username + "&password=s3cret"))
            .getJsonObject("user_info");
    assertEquals(1, user.getInt("auth"), username);
    assertEquals(status, user.getString("status"), username);
  }

  static JsonObject json(RawHttp.Answer a) {
    return Json.createReader(new StringReader(a.bodyText())).readObject();
  }
}
