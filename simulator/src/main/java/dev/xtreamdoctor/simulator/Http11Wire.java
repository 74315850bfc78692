package dev.xtreamdoctor.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 on the wire, as the simulated servers speak it: reading one request (head, body, form
 * parameters) with nginx's limits, writing a response exactly as told (delay, trickle, truncation),
 * and closing the way nginx does. {@link PanelServer} owns sockets and threads; this owns bytes.
 */
final class Http11Wire {
  private static final int MAX_HEAD_BYTES = 32 * 1024;
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private Http11Wire() {}

  /** One request, or null if the client closed before sending any. */
  static Request readRequest(InputStream in, InetSocketAddress source) throws IOException {
    List<String> lines = readHead(in);
    if (lines == null) {
      return null;
    }
    Instant arrived = Instant.now();
    String[] requestLine = lines.get(0).split(" ");
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
      throw new MalformedRequest();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new MalformedRequest();
      }
      headers.putIfAbsent(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    String target = originForm(requestLine[1]);
    int q = target.indexOf('?');
    String rawPath = q < 0 ? target : target.substring(0, q);
    Map<String, String> params = new LinkedHashMap<>();
    Request.parseQuery(q < 0 ? "" : target.substring(q + 1), params);
    byte[] body = readBody(in, headers.get("content-length"));
    String contentType = headers.getOrDefault("content-type", "");
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      Request.parseQuery(new String(body, StandardCharsets.ISO_8859_1), params);
    }
    return new Request(
        requestLine[0], target, decodePath(rawPath), params, headers, source, arrived);
  }

  /** {@code http://host:port/p?q} (as sent to proxies) becomes {@code /p?q}. */
  private static String originForm(String target) {
    if (!target.startsWith("http://") && !target.startsWith("https://")) {
      return target;
    }
    int slash = target.indexOf('/', target.indexOf("//") + 2);
    return slash < 0 ? "/" : target.substring(slash);
  }

  /** The header lines up to the blank line, or null if the client closed before sending any. */
  static List<String> readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    List<String> lines = new ArrayList<>();
    int b;
    while ((b = in.read()) >= 0) {
      if (head.size() + lines.size() > MAX_HEAD_BYTES) {
        throw new MalformedRequest();
      }
      if (b == '\n') {
        String line = head.toString(StandardCharsets.ISO_8859_1);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        head.reset();
        if (line.isEmpty()) {
          if (lines.isEmpty()) {
            continue; // tolerated leading blank line
          }
          return lines;
        }
        lines.add(line);
      } else {
        head.write(b);
      }
    }
    if (lines.isEmpty() && head.size() == 0) {
      return null;
    }
    throw new MalformedRequest();
  }

  private static byte[] readBody(InputStream in, String contentLength) throws IOException {
    if (contentLength == null) {
      return new byte[0];
    }
    int length;
    try {
      length = Integer.parseInt(contentLength.trim());
    } catch (NumberFormatException e) {
      throw new MalformedRequest();
    }
    if (length < 0 || length > MAX_BODY_BYTES) {
      throw new MalformedRequest();
    }
    return in.readNBytes(length);
  }

  private static String decodePath(String rawPath) {
    try {
      return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return rawPath;
    }
  }

  static boolean isTokenStart(int b) {
    return b >= 'A' && b <= 'Z' || b == '\r' || b == '\n';
  }

  /** Sends a response as told: delay, trickle and truncation included. */
  static void write(OutputStream out, Response r, boolean head) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("HTTP/1.1 ").append(r.status()).append(' ').append(r.reason()).append("\r\n");
    for (String line : r.headers()) {
      h.append(line).append("\r\n");
    }
    if (r.header("Content-Length") == null) {
      h.append("Content-Length: ").append(r.body().length).append("\r\n");
    }
    h.append("Connection: close\r\n\r\n");
    byte[] headBytes = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = head ? new byte[0] : r.body();
    if (r.truncateAt() >= 0 && r.truncateAt() < body.length) {
      body = java.util.Arrays.copyOf(body, r.truncateAt());
    }
    pause(r.headerDelay());
    boolean trickleHead =
        r.trickle() == Response.Trickle.HEADERS || r.trickle() == Response.Trickle.ALL;
    boolean trickleBody =
        r.trickle() == Response.Trickle.BODY || r.trickle() == Response.Trickle.ALL;
    send(out, headBytes, trickleHead ? r.trickleGap() : null);
    send(out, body, trickleBody ? r.trickleGap() : null);
    out.flush();
  }

  private static void send(OutputStream out, byte[] bytes, Duration gap) throws IOException {
    if (gap == null) {
      out.write(bytes);
      return;
    }
    for (byte b : bytes) {
      out.write(b);
      out.flush();
      pause(gap);
    }
  }

  private static void pause(Duration d) throws IOException {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketException("simulator closing");
    }
  }

  /** Like nginx's lingering close: drain what the client still sends so it sees our answer. */
  static void lingeringClose(Socket raw, InputStream in) throws IOException {
    raw.shutdownOutput();
    raw.setSoTimeout(200);
    byte[] sink = new byte[4096];
    try {
      while (in.read(sink) >= 0) {
        // discard
      }
    } catch (SocketException | java.net.SocketTimeoutException e) {
      // the client closed or went quiet: done
    }
  }

  /** A request that cannot be parsed: nginx answers 400. */
  static final class MalformedRequest extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
