package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** XUI.one answers, reference §1.3, §1.7 and §2.1–2.2: every refusal is the padded 404. */
class XuiPanelTest {
  private static PanelServer server;

  @BeforeAll
  static void start() {
    server =
        PanelServer.builder(
                Panel.xui(
                    Account.active("alice", "s3cret"),
                    Account.expired("old", "s3cret"),
                    Account.active("banned", "s3cret").withStatus(LineStatus.BANNED),
                    Account.active("off", "s3cret").withStatus(LineStatus.DISABLED)))
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void happyPathCarriesXuiVersionRevisionInTheirPlace() throws Exception {
    RawHttp.Answer a = RawHttp.get(server, "/player_api.php?username=alice&password=s3cret");
    assertEquals(200, a.status());
    assertEquals("application/json", a.header("Content-Type"));
    JsonObject info = Xc2PanelTest.json(a).getJsonObject("server_info");
    assertEquals(
        List.of(
            "xui",
            "version",
            "revision",
            "url",
            "port",
            "https_port",
            "server_protocol",
            "rtmp_port",
            "timestamp_now",
            "time_now",
            "timezone"),
        List.copyOf(info.keySet()));
    assertTrue(info.getBoolean("xui"));
    assertEquals("1.5.13", info.getString("version"));
  }

  @Test
  void everyRefusalIsTheFakeNginx404() throws Exception {
    for (String query :
        List.of(
            "username=alice&password=bad",
            "username=nobody&password=x",
            "username=&password=",
            "",
            "username=old&password=s3cret",
            "username=banned&password=s3cret",
            "username=off&password=s3cret")) {
      RawHttp.Answer a = RawHttp.get(server, "/player_api.php?" + query);
      assertEquals(404, a.status(), query);
      assertEquals(Pages.xuiFake404(), a.bodyText(), query);
      assertEquals("text/html", a.header("Content-Type"), query);
    }
  }

  @Test
  void legacyGetAndXmltvAreDisabledEvenForGoodCredentials() throws Exception {
    assertEquals(
        Pages.xuiFake404(),
        RawHttp.get(server, "/get.php?username=alice&password=s3cret").bodyText());
    assertEquals(
        Pages.xuiFake404(),
        RawHttp.get(server, "/xmltv.php?username=alice&password=s3cret").bodyText());
  }

  @Test
  void legacyGetWhenEnabledServesThePlaylistWithCorsStar() throws Exception {
    Panel panel =
        Panel.builder(PanelFamily.XUI)
            .account(Account.active("u", "p"))
            .settings(PanelSettings.defaults(PanelFamily.XUI).withLegacyEndpoints(true, true))
            .build();
    try (PanelServer legacy = PanelServer.builder(panel).start()) {
      RawHttp.Answer a =
          RawHttp.get(legacy, "/get.php?username=u&password=p&type=m3u_plus&output=ts");
      assertEquals(200, a.status());
      assertEquals("*", a.header("Access-Control-Allow-Origin"));
      assertEquals(404, RawHttp.get(legacy, "/get.php?username=u&password=bad").status());
    }
  }

  @Test
  void headIsAlways200Empty() throws Exception {
    RawHttp.Answer a =
        RawHttp.send(server.port(), "HEAD", "/player_api.php?username=x&password=y", "curl/8");
    assertEquals(200, a.status());
    assertEquals(0, a.body().length);
  }

  @Test
  void pathFormAndNumericActionAliases() throws Exception {
    assertEquals(200, RawHttp.get(server, "/player_api/alice/s3cret").status());
    assertTrue(
        RawHttp.get(server, "/player_api.php?username=alice&password=s3cret&action=201")
            .bodyText()
            .startsWith("[{\"category_id\""));
  }

  @Test
  void streamsRefuseBadCredentialsWithThePaddedPageAndPlayTheLoopVideoForExpiredLines()
      throws Exception {
    assertEquals(Pages.xuiFake404(), RawHttp.get(server, "/live/alice/bad/1.ts").bodyText());
    assertEquals(200, RawHttp.get(server, "/live/old/s3cret/1.ts").status());
    assertEquals(200, RawHttp.get(server, "/live/alice/s3cret/1.m3u8").status());
  }

  @Test
  void reallyMissingPathIsNginxsOwn404WithoutPadding() throws Exception {
    RawHttp.Answer a = RawHttp.get(server, "/c/portal.php");
    assertEquals(404, a.status());
    assertEquals(Pages.nginx404(), a.bodyText());
  }
}
