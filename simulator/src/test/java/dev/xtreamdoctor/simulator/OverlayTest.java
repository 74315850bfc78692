package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each overlay against a real socket. */
class OverlayTest {
  private static final String LOGIN = "/player_api.php?username=u&password=p";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static PanelServer xc2(Overlay... overlays) {
    PanelServer.Builder b = PanelServer.builder(Panel.xc2(Account.active("u", "p")));
    for (Overlay o : overlays) {
      b.overlay(o);
    }
    return b.start();
  }

  @Test
  void userAgentFilterRefusesEmptyAndUnknownAgents() throws Exception {
    UserAgentFilter filter = UserAgentFilter.refusingWith(454).allowing("VLC|IPTVSmarters");
    try (PanelServer server = xc2(filter)) {
      RawHttp.Answer none = RawHttp.send(server.port(), "GET", LOGIN, null);
      assertEquals(454, none.status());
      assertEquals("HTTP/1.1 454 ", none.statusLine());
      assertEquals(454, RawHttp.get(server, LOGIN, "Java-http-client/17").status());
      RawHttp.Answer vlc = RawHttp.get(server, LOGIN, "VLC/3.0.18 LibVLC/3.0.18");
      assertEquals(200, vlc.status());
      assertTrue(vlc.bodyText().startsWith("{\"user_info\""));
    }
  }

  @Test
  void userAgentFilterStatusesAndNonJson() throws Exception {
    try (PanelServer s401 = xc2(UserAgentFilter.refusingWith(401).allowing("^VLC"));
        PanelServer s884 = xc2(UserAgentFilter.refusingWith(884));
        PanelServer html = xc2(UserAgentFilter.refusingWithHtml())) {
      assertEquals(401, RawHttp.get(s401, LOGIN, "okhttp/3.12").status());
      assertEquals(884, RawHttp.send(s884.port(), "GET", LOGIN, null).status());
      assertEquals(200, RawHttp.get(s884, LOGIN, "anything").status());
      RawHttp.Answer page = RawHttp.send(html.port(), "GET", LOGIN, "");
      assertEquals(200, page.status());
      assertTrue(page.header("Content-Type").startsWith("text/html"));
      assertTrue(page.bodyText().contains("Access denied"));
    }
  }

  @Test
  void cloudflareErrorPageHasServerAndRayHeaders() throws Exception {
    try (PanelServer server = xc2(Overlays.cloudflareError(521))) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + LOGIN)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(521, r.statusCode());
      assertEquals("cloudflare", r.headers().firstValue("server").orElseThrow());
      assertTrue(r.headers().firstValue("cf-ray").orElseThrow().matches("[0-9a-f]{16}-LHR"));
      assertTrue(r.body().contains("127.0.0.1 | 521: Web server is down"), r.body());
    }
  }

  @Test
  void cloudflareProxyPassesTheSiteWithCloudflareHeaders() throws Exception {
    try (PanelServer server = xc2(Overlays.cloudflareProxy())) {
      RawHttp.Answer a = RawHttp.get(server, LOGIN);
      assertEquals(200, a.status());
      assertEquals("cloudflare", a.header("Server"));
      assertNotNull(a.header("CF-RAY"));
    }
  }

  @Test
  void slowDelaysTheHeaders() throws Exception {
    try (PanelServer server = xc2(Overlays.slow(Duration.ofMillis(600)))) {
      HttpRequest quick =
          HttpRequest.newBuilder(URI.create(server.baseUrl() + LOGIN))
              .timeout(Duration.ofMillis(200))
              .build();
      assertThrows(
          HttpTimeoutException.class, () -> HTTP.send(quick, HttpResponse.BodyHandlers.ofString()));
      long start = System.nanoTime();
      assertEquals(200, RawHttp.get(server, LOGIN).status());
      assertTrue(System.nanoTime() - start >= Duration.ofMillis(550).toNanos());
    }
  }

  @Test
  void hangReadsTheRequestAndNeverAnswers() throws Exception {
    try (PanelServer server = xc2(Overlays.hang());
        Socket s = send(server, LOGIN)) {
      s.setSoTimeout(300);
      assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
      assertEquals(1, server.count());
    }
  }

  @Test
  void closingTheServerReleasesHungConnections() throws Exception {
    PanelServer server = xc2(Overlays.hang());
    try (Socket s = send(server, LOGIN)) {
      assertNotNull(server.takeRequest(Duration.ofSeconds(1)));
      server.close();
      s.setSoTimeout(1000);
      assertEquals(-1, s.getInputStream().read());
    }
  }

  @Test
  void trickleSendsTheBodyByteByByte() throws Exception {
    try (PanelServer server = xc2(Overlays.trickle(Response.Trickle.BODY, Duration.ofMillis(10)))) {
      long start = System.nanoTime();
      RawHttp.Answer a = RawHttp.get(server, "/player_api.php?username=u&password=bad");
      assertEquals("{\"user_info\":{\"auth\":0}}", a.bodyText());
      assertTrue(System.nanoTime() - start >= Duration.ofMillis(200).toNanos());
    }
  }

  @Test
  void resetAbortsWithRst() throws Exception {
    try (PanelServer server = xc2(Overlays.reset());
        Socket s = send(server, LOGIN)) {
      s.setSoTimeout(2000);
      assertThrows(SocketException.class, () -> s.getInputStream().read());
    }
  }

  @Test
  void emptyReplyClosesWithoutAByte() throws Exception {
    try (PanelServer server = xc2(Overlays.emptyReply());
        Socket s = send(server, LOGIN)) {
      s.setSoTimeout(2000);
      assertEquals(-1, s.getInputStream().read());
      HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + LOGIN)).build();
      assertThrows(IOException.class, () -> HTTP.send(r, HttpResponse.BodyHandlers.ofString()));
    }
  }

  @Test
  void overloadedAnswersNginxPages() throws Exception {
    try (PanelServer server = xc2(Overlays.overloaded(503))) {
      RawHttp.Answer a = RawHttp.get(server, LOGIN);
      assertEquals("HTTP/1.1 503 Service Temporarily Unavailable", a.statusLine());
      assertTrue(a.bodyText().contains("<center>nginx</center>"));
    }
    assertThrows(IllegalArgumentException.class, () -> Overlays.overloaded(500));
  }

  @Test
  void truncatedBodyStopsShortOfContentLength() throws Exception {
    try (PanelServer server = xc2(Overlays.truncatedBody(10))) {
      RawHttp.Answer a = RawHttp.get(server, LOGIN);
      assertEquals(10, a.body().length);
      assertTrue(Integer.parseInt(a.header("Content-Length")) > 10);
    }
  }

  @Test
  void onPathAndFromRequestLimitWhereAFaultApplies() throws Exception {
    try (PanelServer server =
        xc2(
            Overlays.onPath("/xmltv.php", Overlays.overloaded(502)),
            Overlays.fromRequest(2, Overlays.cloudflareError(520)))) {
      assertEquals(502, RawHttp.get(server, "/xmltv.php").status());
      assertEquals(200, RawHttp.get(server, LOGIN).status());
      assertEquals(520, RawHttp.get(server, LOGIN).status());
    }
  }

  @Test
  void xc2FloodBanCountsEveryPlayerApiRequestThenGoesSilent() throws Exception {
    FloodProtection flood = FloodProtection.of(PanelFamily.XC2).limit(4);
    try (PanelServer server = xc2(flood)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, RawHttp.get(server, LOGIN).status());
      }
      assertFalse(flood.isBanned("127.0.0.1"));
      assertSilent(server); // the 4th request hangs and the firewall rule goes in
      assertTrue(flood.isBanned("127.0.0.1"));
      assertTrue(server.isDropping());
      assertDropped(server);
      assertDropped(server);
    }
  }

  @Test
  void floodRunResetsAfterAQuietGap() throws Exception {
    FloodProtection flood =
        FloodProtection.of(PanelFamily.XC2).limit(3).gap(Duration.ofMillis(100));
    try (PanelServer server = xc2(flood)) {
      for (int i = 0; i < 4; i++) {
        assertEquals(200, RawHttp.get(server, LOGIN).status());
        Thread.sleep(150); // a polite client: every gap longer than the flood window
      }
      assertFalse(flood.isBanned("127.0.0.1"));
    }
  }

  @Test
  void xuiFloodCountsRefusalsThenForbidsThenGoesSilent() throws Exception {
    FloodProtection flood = FloodProtection.of(PanelFamily.XUI).limit(3);
    try (PanelServer server =
        PanelServer.builder(Panel.xui(Account.active("u", "p"))).overlay(flood).start()) {
      for (int i = 0; i < 5; i++) {
        assertEquals(200, RawHttp.get(server, LOGIN).status(), "good logins are not counted");
      }
      for (int i = 0; i < 3; i++) {
        assertEquals(404, RawHttp.get(server, "/player_api.php?username=u&password=bad").status());
      }
      RawHttp.Answer forbidden = RawHttp.get(server, LOGIN);
      assertEquals(403, forbidden.status());
      assertEquals(0, forbidden.body().length);
      assertSilent(server);
      assertDropped(server);
    }
  }

  @Test
  void silenceAfterBanKeepsAcceptingButNeverAnswers() throws Exception {
    FloodProtection flood =
        FloodProtection.of(PanelFamily.XC2)
            .afterBan(FloodProtection.AfterBan.SILENCE)
            .ban("127.0.0.1");
    try (PanelServer server = xc2(flood)) {
      assertSilent(server);
      assertSilent(server);
      assertFalse(server.isDropping());
      assertEquals(2, server.count());
    }
  }

  @Test
  void xuiBruteforceBansOnDistinctUsernames() throws Exception {
    FloodProtection flood =
        FloodProtection.of(PanelFamily.XUI)
            .distinctUsernames(3, Duration.ofMinutes(5))
            .afterBan(FloodProtection.AfterBan.RESET)
            .forbiddenAnswers(0);
    try (PanelServer server =
        PanelServer.builder(Panel.xui(Account.active("u", "p"))).overlay(flood).start()) {
      for (String name : new String[] {"a", "a", "b", "c"}) {
        Thread.sleep(0);
        assertEquals(
            404, RawHttp.get(server, "/player_api.php?username=" + name + "&password=x").status());
      }
      assertThrows(SocketException.class, () -> RawHttp.get(server, LOGIN));
    }
  }

  @Test
  void xuiAuthFloodSlowsGoodLoginsWithoutBanning() throws Exception {
    FloodProtection flood =
        FloodProtection.of(PanelFamily.XUI)
            .authFlood(2, Duration.ofSeconds(10), Duration.ofMillis(400));
    try (PanelServer server =
        PanelServer.builder(Panel.xui(Account.active("u", "p"))).overlay(flood).start()) {
      for (int i = 0; i < 2; i++) {
        long start = System.nanoTime();
        assertEquals(200, RawHttp.get(server, LOGIN).status());
        assertTrue(System.nanoTime() - start < Duration.ofMillis(350).toNanos());
      }
      long start = System.nanoTime();
      assertEquals(200, RawHttp.get(server, LOGIN).status());
      assertTrue(System.nanoTime() - start >= Duration.ofMillis(380).toNanos());
      assertFalse(flood.isBanned("127.0.0.1"));
    }
  }

  @Test
  void xuiVerifyHostRefusesAliasesButNotAddresses() throws Exception {
    try (PanelServer server =
        PanelServer.builder(Panel.xui(Account.active("u", "p")))
            .overlay(Overlays.xuiVerifyHost("real-panel.example.test"))
            .start()) {
      // RawHttp sends Host: panel.example.test:PORT, an alias here
      assertEquals(Pages.xuiFake404(), RawHttp.get(server, LOGIN).bodyText());
      HttpResponse<String> byAddress =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + LOGIN)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, byAddress.statusCode());
    }
  }

  @Test
  void redirectKeepsPathAndQuery() throws Exception {
    try (PanelServer server = xc2(Overlays.redirectTo(302, "https://moved.example.test:8443"))) {
      RawHttp.Answer a = RawHttp.get(server, LOGIN);
      assertEquals(302, a.status());
      assertEquals("https://moved.example.test:8443" + LOGIN, a.header("Location"));
      assertEquals("/player_api.php", server.requests().get(0).path());
    }
    assertThrows(IllegalArgumentException.class, () -> Overlays.redirectTo(200, "x"));
  }

  @Test
  void ispBlockPageAnswersAnyPathOnAnotherLoopbackAddress() throws Exception {
    try (PanelServer block =
        PanelServer.builder(Sites.ispBlockPage())
            .name("block-page")
            .bindAddress("127.0.0.66")
            .start()) {
      assertEquals("127.0.0.66", block.address());
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.66", block.port()), 1000);
        s.getOutputStream()
            .write(
                ("GET " + LOGIN + " HTTP/1.1\r\nHost: panel.example.test\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer a = RawHttp.parse(RawHttp.readAll(s.getInputStream()));
        assertEquals(200, a.status());
        assertTrue(a.bodyText().contains("by order of the court"));
      }
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> PanelServer.builder(Sites.ispBlockPage()).bindAddress("192.168.1.1").build());
  }

  @Test
  void plainNginxOnTheWrongPort() throws Exception {
    try (PanelServer nginx = PanelServer.builder(Sites.plainNginx()).start()) {
      assertTrue(RawHttp.get(nginx, "/").bodyText().contains("<title>Welcome to nginx!</title>"));
      RawHttp.Answer api = RawHttp.get(nginx, LOGIN);
      assertEquals(404, api.status());
      assertEquals(Pages.nginx404(), api.bodyText());
      assertFalse(api.bodyText().contains("padding"));
    }
  }

  /** No answer comes: either the connect times out (dropped) or the read does (hung). */
  private static void assertSilent(PanelServer server) throws IOException {
    try (Socket s = new Socket()) {
      try {
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 300);
      } catch (SocketTimeoutException dropped) {
        return;
      }
      s.getOutputStream()
          .write(
              ("GET " + LOGIN + " HTTP/1.1\r\nHost: panel.example.test\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      s.setSoTimeout(250);
      assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
    }
  }

  /** The connect itself times out: the server drops at the TCP level. */
  private static void assertDropped(PanelServer server) throws IOException {
    try (Socket s = new Socket()) {
      assertThrows(
          SocketTimeoutException.class,
          () -> s.connect(new InetSocketAddress("127.0.0.1", server.port()), 300));
    }
  }

  /** Connects and sends one GET, leaving the socket open for the caller to read. */
  static Socket send(PanelServer server, String target) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", server.port()), 1000);
    OutputStream out = s.getOutputStream();
    out.write(
        ("GET " + target + " HTTP/1.1\r\nHost: panel.example.test\r\nUser-Agent: t\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }
}
