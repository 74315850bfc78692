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
    try (PanelServer server = PanelServer.builder(Panel.xc2(Account.active("alice", PASSWORD))).start()) {
      RawHttp.get(server, "/player_api.php?username=alice&password=" + PASSWORD, "VLC/3.0.18");
      RawHttp.get(server, "/player_api.php?username=alice&password=" + PASSWORD + "&action=get_live_categories", "VLC/3.0.18");
      RawHttp.send(server.port(), "GET", "/get.php?username=alice&password=" + PASSWORD + "&type=m3u_plus", null);
      RawHttp.get(server, "/live/alice/" + PASSWORD + "/1.ts");
      RawHttp.get(server, "/alice/" + PASSWORD + "/1.ts");
      RawHttp.get(server, "/player_api.php?username=bob&password=typo-" + PASSWORD);

      List<RecordedRequest> seen = server.requests();
      assertEquals(6, server.count());
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
  void accountToStringHidesThePassword() {
    assertFalse(Account.active("alice", PASSWORD).toString().contains(PASSWORD));
  }
}
