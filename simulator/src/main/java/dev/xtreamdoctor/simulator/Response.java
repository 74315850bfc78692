package dev.xtreamdoctor.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP answer and how to deliver it: the bytes, plus an optional delay before the headers, a
 * trickle (one byte at a time) and a truncation of the body.
 *
 * @param status the status code
 * @param reason the reason phrase (may be empty, as for 454 or 884)
 * @param headers header lines in order, as {@code name: value}
 * @param body the body bytes (not sent for HEAD)
 * @param headerDelay wait this long before sending anything
 * @param trickle which part to send one byte at a time
 * @param trickleGap the pause between trickled bytes
 * @param truncateAt send only this many body bytes and close (Content-Length stays the full
 *     length), or -1 for the whole body
 */
public record Response(
    int status,
    String reason,
    List<String> headers,
    byte[] body,
    Duration headerDelay,
    Trickle trickle,
    Duration trickleGap,
    int truncateAt) {

  /** Which part of an answer is sent one byte at a time. */
  public enum Trickle {
    NONE,
    HEADERS,
    BODY,
    ALL
  }

  public Response {
    headers = List.copyOf(headers);
  }

  public static Response of(int status, String contentType, String body) {
    return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public static Response of(int status, String contentType, byte[] body) {
    List<String> headers = new ArrayList<>();
    if (contentType != null) {
      headers.add("Content-Type: " + contentType);
    }
    return new Response(
        status, reasonOf(status), headers, body, Duration.ZERO, Trickle.NONE, Duration.ZERO, -1);
  }

  /** An answer with no body and no Content-Type. */
  public static Response empty(int status) {
    return of(status, null, new byte[0]);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of a header, case-insensitive, or null. */
  public String header(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String h : headers) {
      if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return h.substring(prefix.length()).trim();
      }
    }
    return null;
  }

  public Response withHeader(String name, String value) {
    List<String> more = new ArrayList<>(headers);
    more.add(name + ": " + value);
    return new Response(status, reason, more, body, headerDelay, trickle, trickleGap, truncateAt);
  }

  /** The same answer with a header replaced (or added when absent). */
  public Response replacingHeader(String name, String value) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    List<String> more = new ArrayList<>();
    for (String h : headers) {
      if (!h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        more.add(h);
      }
    }
    more.add(name + ": " + value);
    return new Response(status, reason, more, body, headerDelay, trickle, trickleGap, truncateAt);
  }

  /** The same answer with another body (a Content-Length header, if set, is dropped). */
  public Response withBody(byte[] newBody) {
    List<String> kept = new ArrayList<>();
    for (String h : headers) {
      if (!h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        kept.add(h);
      }
    }
    return new Response(
        status, reason, kept, newBody, headerDelay, trickle, trickleGap, truncateAt);
  }

  /** The same answer under another status code, with that code's reason phrase. */
  public Response withStatus(int code) {
    return new Response(
        code, reasonOf(code), headers, body, headerDelay, trickle, trickleGap, truncateAt);
  }

  public Response withReason(String newReason) {
    return new Response(
        status, newReason, headers, body, headerDelay, trickle, trickleGap, truncateAt);
  }

  public Response withHeaderDelay(Duration delay) {
    return new Response(status, reason, headers, body, delay, trickle, trickleGap, truncateAt);
  }

  public Response withTrickle(Trickle part, Duration gap) {
    return new Response(status, reason, headers, body, headerDelay, part, gap, truncateAt);
  }

  public Response withTruncateAt(int bytes) {
    return new Response(status, reason, headers, body, headerDelay, trickle, trickleGap, bytes);
  }

  /** Reason phrases as nginx and the panels' PHP send them. */
  static String reasonOf(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 206 -> "Partial Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Not Allowed";
      case 429 -> "Too Many Requests";
      case 451 -> "Unavailable For Legal Reasons";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Temporarily Unavailable";
      case 504 -> "Gateway Time-out";
      default -> ""; // 454, 884 and Cloudflare's 52x travel without a standard phrase
    };
  }
}
