package dev.xtreamdoctor.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A tiny HTTP client on a raw socket: full control of headers, the exact bytes back. */
final class RawHttp {
  private RawHttp() {}

  /** One answer: status, headers (lower-case names), body, and all the bytes as received. */
  record Answer(
      int status, String statusLine, Map<String, String> headers, byte[] body, byte[] raw) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  static Answer get(PanelServer server, String target) throws IOException {
    return send(server.port(), "GET", target, "RawHttp/1.0");
  }

  static Answer get(PanelServer server, String target, String userAgent) throws IOException {
    return send(server.port(), "GET", target, userAgent);
  }

  /** Sends a request; a null user agent sends no User-Agent header at all. */
  static Answer send(int port, String method, String target, String userAgent) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      s.setSoTimeout(3000);
      StringBuilder req = new StringBuilder();
      req.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      req.append("Host: panel.example.test:").append(port).append("\r\n");
      if (userAgent != null) {
        req.append("User-Agent: ").append(userAgent).append("\r\n");
      }
      req.append("Connection: close\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] raw = readAll(s.getInputStream());
      return parse(raw);
    }
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toByteArray();
  }

  static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("no complete head in " + raw.length + " bytes");
    }
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.putIfAbsent(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
    return new Answer(status, lines[0], headers, body, raw);
  }
}
