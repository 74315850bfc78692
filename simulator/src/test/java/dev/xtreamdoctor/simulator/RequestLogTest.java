package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the servers record, and that the password is never part of it. */
class RequestLogTest {
  private static final String PASSWORD = "Sup3r-S3cret";

  @Test
  void recordsPathUserAgentUsernameActionAndSourceButNeverThePassword() throws Exception {
    Instant before = Instant.now();
    try (PanelServer server =
        PanelServer.builder(Panel.xc2(Account.active("alice", PASSWORD))).start()) {
      RawHttp.get(server, "/player_api.php?username=alice&password=" + PASSWORD, "VLC/3.0.18");
      RawHttp.get(
          server,
          "/player_api.php?username=alice&password=" + PASSWORD + "&action=get_live_categories",
          "VLC/3.0.18");
      RawHttp.send(
          server.port(),
          "GET",
          "/get.php?username=alice&password=" + PASSWORD + "&type=m3u_plus",
          null);
      RawHttp.get(server, "/live/alice/" + PASSWORD + "/1.ts");
      RawHttp.get(server, "/alice/" + PASSWORD + "/1.ts");
      RawHttp.get(server, "/player_api.php?username=bob&password=typo-" + PASSWORD);
      RawHttp.get(server, "/bob/typo-" + PASSWORD + "/7");

      List<RecordedRequest> seen = server.requests();
      assertEquals(7, server.count());
      assertEquals(3, server.log().count("/player_api.php"));
      RecordedRequest first = seen.get(0);
      assertEquals("/player_api.php", first.path());
      assertEquals("alice", first.username());
      assertEquals("VLC/3.0.18", first.userAgent());
      assertEquals("127.0.0.1", first.sourceAddress());
      assertEquals("GET", first.method());
      assertTrue(first.hadPassword());
      assertFalse(first.time().isBefore(before));
      assertEquals("get_live_categories", seen.get(1).action());
      assertEquals("", seen.get(2).userAgent());
      assertEquals("/live/alice/***/1.ts", seen.get(3).path());
      assertEquals("/alice/***/1.ts", seen.get(4).path());
      assertEquals("bob", seen.get(5).username());
      assertEquals("/bob/***/7", seen.get(6).path());
      assertEquals("panel.example.test:" + server.port(), first.host());
      assertEquals(List.of("alice", "bob"), server.log().distinctUsernames());
      assertTrue(server.log().shortestGap().compareTo(java.time.Duration.ofSeconds(5)) < 0);
      assertFalse(seen.toString().contains(PASSWORD), seen.toString());
      assertFalse(seen.toString().contains("S3cret"), seen.toString());
    }
  }

  @Test
  void takeRequestHandsOutEachRequestOnceInOrder() throws Exception {
    try (PanelServer server = PanelServer.builder(Panel.xui(Account.active("u", "p"))).start()) {
      assertNull(server.takeRequest(Duration.ofMillis(50)));
      RawHttp.get(server, "/player_api.php?username=u&password=p");
      RawHttp.get(server, "/xmltv.php?username=u&password=p");
      assertEquals("/player_api.php", server.takeRequest(Duration.ofSeconds(1)).path());
      assertEquals("/xmltv.php", server.takeRequest(Duration.ofSeconds(1)).path());
      assertNull(server.takeRequest(Duration.ofMillis(50)));
      assertEquals("xui", server.requests().get(0).server());
      server.log().clear();
      assertEquals(0, server.count());
    }
  }

  @Test
  void toStringsHideThePassword() {
    assertFalse(Account.active("alice", PASSWORD).toString().contains(PASSWORD));
    assertFalse(Scenarios.get("healthy-xc2").toString().contains(Scenarios.PASSWORD));
    Request r =
        new Request(
            "GET",
            "/player_api.php?username=a&password=" + PASSWORD,
            "/player_api.php",
            java.util.Map.of("username", "a", "password", PASSWORD),
            java.util.Map.of(),
            new java.net.InetSocketAddress("127.0.0.1", 5000),
            Instant.now());
    assertFalse(r.toString().contains(PASSWORD), r.toString());
  }
}
