package dev.xtreamdoctor.service;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The {@code X-Request-Id} of each request: the caller's own when it is a sensible one (a proxy or
 * a helpdesk tool that already has an id for the ticket), else a new random one. It is sent back on
 * every answer, named in every problem's {@code instance} and on every log line written while the
 * request is served, so one id finds a request in the caller's logs and in ours.
 */
final class RequestIds {
  static final String HEADER = "X-Request-Id";

  /** The request attribute holding the id. */
  static final String ATTRIBUTE = "xtreamdoctor.request-id";

  /**
   * What an incoming id may be: 1 to 128 of the URI's unreserved characters and ':' (UUIDs, ULIDs,
   * trace ids, {@code ticket-4711:2}), so it is safe in a URN, a log line and a header.
   */
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._~:-]{1,128}");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestIds() {}

  /** The incoming id if it is valid, else a new one. */
  static String accept(String incoming) {
    return incoming != null && VALID.matcher(incoming).matches() ? incoming : generate();
  }

  /** 128 random bits, as 32 hex digits. */
  static String generate() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The id of the request this thread serves, or null outside one. */
  static String current() {
    return CURRENT.get();
  }

  /** Marks this thread as serving the request with this id until {@link #clear()}. */
  static void set(String id) {
    CURRENT.set(id);
  }

  static void clear() {
    CURRENT.remove();
  }

  /** The RFC 9457 {@code instance} of a problem in the request with this id: a URN naming it. */
  static String instance(String id) {
    return "urn:xtream-doctor:request:" + id;
  }
}
