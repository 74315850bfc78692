package dev.xtreamdoctor.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Panels that reflect what they are sent, or send text meant for a terminal: the leak and injection
 * paths a diagnoser must close (reference reliability-and-rules.md A6, issue 13).
 */
public final class HostileEchoes {
  /** The escape sequences the ANSI panel sends: set the window title, clear the screen, a bell. */
  public static final String ANSI = "\u001b]0;owned\u0007\u001b[2J\u001b[31m";

  private HostileEchoes() {}

  /**
   * Echoes the login's password in every spelling and place a panel might: as its UTF-8 bytes in
   * the status line and in the {@code Server}, {@code X-Powered-By} and {@code CF-RAY} headers (a
   * client reads those as ISO-8859-1), form- and RFC 3986-encoded in {@code Location} and {@code
   * Set-Cookie}, base64 in a cookie, and raw, escaped and encoded in the JSON body, whose {@code
   * status} carries it too. The answer is a refusal (auth 0), so the diagnosis has a finding.
   */
  public static Overlay password() {
    return (request, next) -> {
      String pw = request.param("password").orElse("");
      if (pw.isEmpty()) {
        return next.handle(request);
      }
      String wire = new String(pw.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      String form = URLEncoder.encode(pw, StandardCharsets.UTF_8);
      String rfc = rfc3986(pw);
      String b64 = Base64.getEncoder().encodeToString(pw.getBytes(StandardCharsets.UTF_8));
      String host = request.header("host").orElse("panel.example.test");
      String user = request.param("username").orElse("");
      // PHP's json_encode escapes / and non-ASCII; "raw" and "status" carry the bare JSON form
      String body =
          "{\"user_info\":{\"username\":"
              + PhpJson.encode(user)
              + ",\"password\":"
              + PhpJson.encode(pw)
              + ",\"message\":"
              + PhpJson.encode(
                  "Wrong password "
                      + pw
                      + " ("
                      + form
                      + ", "
                      + rfc
                      + ", "
                      + b64
                      + ", "
                      + wire
                      + ")")
              + ",\"auth\":0,\"status\":\"Denied "
              + jsonRaw(pw)
              + "\",\"raw\":\""
              + jsonRaw(pw)
              + "\"}}";
      return Reply.answer(
          Response.of(200, "application/json", body)
              .withReason("OK " + wire)
              .replacingHeader("Server", "nginx " + wire)
              .withHeader("X-Powered-By", "PHP " + wire)
              .withHeader("CF-RAY", rfc + "-LHR")
              .withHeader(
                  "Location",
                  "http://"
                      + host
                      + "/player_api.php?username="
                      + user
                      + "&password="
                      + form
                      + "&p2="
                      + rfc)
              .withHeader(
                  "Refresh", "0; url=http://" + host + "/live/" + user + "/" + rfc + "/1.ts")
              .withHeader("Set-Cookie", "xc_pw=" + rfc + "; Path=/")
              .withHeader("Set-Cookie", "xc_b64=" + b64 + "; Path=/"));
    };
  }

  /**
   * A panel whose texts carry terminal control sequences: the status line, the {@code Server}
   * header and the account {@code status} (with a CR LF that would forge an extra output line). The
   * answer refuses the login (auth 0), so the diagnosis has a finding.
   */
  public static Overlay ansi() {
    return (request, next) -> {
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("auth", 0);
      info.put("status", ANSI + "Active\r\n[✓] Panel: all good\u0007");
      info.put("message", ANSI + "\u001b[8mhidden");
      return Reply.answer(
          Response.of(200, "application/json", PhpJson.encode(Map.of("user_info", info)))
              .withReason("OK " + ANSI)
              .replacingHeader("Server", "nginx" + ANSI + "\u001b[1A\u001b[Kfake"));
    };
  }

  /** Percent-encoding with only RFC 3986's unreserved characters left as they are. */
  static String rfc3986(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }

  /** JSON string content with only what JSON requires escaped (no \/ and no \\u for non-ASCII). */
  private static String jsonRaw(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
