package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The hostile answers, read on a raw socket: each streams what it says without the simulator
 * holding it, and stops when the client goes away.
 */
class HostileTest {
  private static final String GET =
      "GET /player_api.php?username=u&password=p HTTP/1.1\r\nHost: x\r\n\r\n";

  /** The first {@code limit} bytes of the answer, then the client hangs up. */
  private static byte[] first(Overlay overlay, int limit) throws IOException {
    try (PanelServer server =
            PanelServer.builder(r -> Reply.answer(Response.empty(204))).overlay(overlay).start();
        Socket s = new Socket(InetAddress.getByName(server.address()), server.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while (out.size() < limit
          && (n = in.read(buf, 0, Math.min(buf.length, limit - out.size()))) >= 0) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  @Test
  void anEndlessHeaderLineHasNoLineEnd() throws Exception {
    String head = text(first(Hostile.endlessHeaderLine(), 200_000));
    assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head.substring(0, 40));
    assertEquals(200_000, head.length());
    assertEquals(-1, head.substring(head.indexOf("X-Endless: ")).indexOf('\n'));
  }

  @Test
  void manyHeadersKeepComing() throws Exception {
    String head = text(first(Hostile.manyHeaders(1_000_000), 100_000));
    assertTrue(head.split("\r\n").length > 3000, "headers so far: " + head.split("\r\n").length);
  }

  @Test
  void aHugeBodyAnnouncesItsLength() throws Exception {
    String head = text(first(Hostile.hugeBody(2L << 30), 4096));
    assertTrue(head.contains("Content-Length: 2147483648\r\n"), head);
  }

  @Test
  void anEndlessChunkedBodyIsChunked() throws Exception {
    String head = text(first(Hostile.endlessChunked(), 40_000));
    assertTrue(head.contains("Transfer-Encoding: chunked\r\n\r\n2000\r\n"), head.substring(0, 200));
  }

  @Test
  void aGzipBombInflatesFarBeyondWhatWasSent() throws Exception {
    byte[] raw = first(Hostile.gzipBomb(64L << 20), 300_000);
    String all = text(raw);
    int body = all.indexOf("\r\n\r\n") + 4;
    assertTrue(all.substring(0, body).contains("Content-Encoding: gzip"));
    // de-chunk, then inflate: 64 MiB of zeros from a few tens of kilobytes
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    int at = body;
    while (true) {
      int eol = all.indexOf("\r\n", at);
      int size = Integer.parseInt(all.substring(at, eol), 16);
      if (size == 0) {
        break;
      }
      gz.write(raw, eol + 2, size);
      at = eol + 2 + size + 2;
    }
    long inflated = 0;
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz.toByteArray()))) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) >= 0) {
        inflated += n;
      }
    }
    assertEquals(64L << 20, inflated);
    assertTrue(gz.size() < 200_000, "compressed " + gz.size());
  }

  @Test
  void garbageIsNoHttpAndTlsAlertsAreTls() throws Exception {
    byte[] junk = first(Hostile.garbage(), 4096);
    assertEquals(4096, junk.length);
    assertEquals(0, junk[0]);
    assertArrayEquals(
        new byte[] {0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46}, first(Hostile.tlsAlert(), 64));
    assertTrue(text(first(Hostile.sshBanner(), 8)).startsWith("SSH-2.0-"));
  }

  @Test
  void theyAreNamedForScenarioFiles() {
    assertEquals(
        List.of(
            "endless-header-line",
            "many-headers",
            "huge-body",
            "endless-chunked",
            "gzip-bomb",
            "garbage",
            "ssh",
            "tls-alert"),
        Hostile.names());
    assertTrue(OverlaySpec.parse("hostile huge-body 3m", PanelFamily.XC2) != null);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OverlaySpec.parse("hostile nope", PanelFamily.XC2));
    assertTrue(e.getMessage().contains("known: endless-header-line"), e.getMessage());
  }
}
