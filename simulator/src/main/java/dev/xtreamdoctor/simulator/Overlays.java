package dev.xtreamdoctor.simulator;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Ready-made overlays: network faults, overloaded front ends, Cloudflare. */
public final class Overlays {
  private Overlays() {}

  /** Waits this long before sending the headers of whatever the site answers. */
  public static Overlay slow(Duration delay) {
    return (request, next) -> map(next.handle(request), r -> r.withHeaderDelay(delay));
  }

  /** Reads the request and never answers (the connection stays open). */
  public static Overlay hang() {
    return (request, next) -> Reply.hang();
  }

  /** Reads the request, then aborts the connection with a TCP RST. */
  public static Overlay reset() {
    return (request, next) -> Reply.reset();
  }

  /** Reads the request, then closes the connection without a byte ("empty reply"). */
  public static Overlay emptyReply() {
    return (request, next) -> Reply.emptyReply();
  }

  /** Sends the headers, the body or both one byte every {@code gap}. */
  public static Overlay trickle(Response.Trickle part, Duration gap) {
    return (request, next) -> map(next.handle(request), r -> r.withTrickle(part, gap));
  }

  /** Sends only the first {@code bytes} of the body (Content-Length stays full) and closes. */
  public static Overlay truncatedBody(int bytes) {
    return (request, next) -> map(next.handle(request), r -> r.withTruncateAt(bytes));
  }

  /** An overloaded front end: nginx's 502, 503 or 504 page, or 429, for every request. */
  public static Overlay overloaded(int status) {
    if (!Set.of(429, 502, 503, 504).contains(status)) {
      throw new IllegalArgumentException("overloaded answers 429, 502, 503 or 504, not " + status);
    }
    return (request, next) ->
        Reply.answer(PanelServer.nginxPage(status, Response.reasonOf(status)));
  }

  /**
   * Cloudflare in front of a dead or slow origin: every request gets the 52x page with {@code
   * Server: cloudflare} and a {@code CF-RAY} header.
   */
  public static Overlay cloudflareError(int status) {
    if (status < 520 || status > 526) {
      throw new IllegalArgumentException("Cloudflare errors are 520 to 526, not " + status);
    }
    return (request, next) -> {
      String ray = rayId();
      String host = request.header("host").orElse("").replaceAll(":\\d+$", "");
      Response page =
          Response.of(status, "text/html; charset=UTF-8", Pages.cloudflareError(status, host, ray));
      return Reply.answer(
          cloudflareHeaders(page, ray)
              .withHeader(
                  "Cache-Control",
                  "private, max-age=0, no-store, no-cache, must-revalidate, post-check=0,"
                      + " pre-check=0"));
    };
  }

  /**
   * Cloudflare's managed challenge in front of the panel (the provider's "bot fight" or "under
   * attack" setting): every request gets the JavaScript challenge page, 403 or 503, with {@code
   * cf-mitigated: challenge}; the panel behind it is never asked.
   */
  public static Overlay cloudflareChallenge(int status) {
    if (status != 403 && status != 503 && status != 429) {
      throw new IllegalArgumentException(
          "Cloudflare challenges answer 403, 429 or 503, not " + status);
    }
    return (request, next) -> {
      String host = request.header("host").orElse("").replaceAll(":\\d+$", "");
      Response page =
          Response.of(status, "text/html; charset=UTF-8", Pages.cloudflareChallenge(host))
              .withHeader("cf-mitigated", "challenge")
              .withHeader(
                  "Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate");
      return Reply.answer(cloudflareHeaders(page, rayId()));
    };
  }

  /**
   * An internet provider's filter on the way to the panel (DNS untouched): the request to the
   * panel's own address gets the provider's block page, with this status (200, 403 or 451).
   */
  public static Overlay blockPage(int status) {
    return (request, next) ->
        Reply.answer(
            Response.of(status, "text/html; charset=utf-8", Pages.ispBlockPage())
                .withHeader("Server", "BlockPage")
                .withHeader("Cache-Control", "no-store"));
  }

  /** Cloudflare in front of a healthy origin: the site's answers with Cloudflare's headers. */
  public static Overlay cloudflareProxy() {
    return (request, next) ->
        map(
            next.handle(request),
            r -> cloudflareHeaders(r, rayId()).withHeader("cf-cache-status", "DYNAMIC"));
  }

  /**
   * XUI's {@code verify_host}: a Host that is neither an IP address nor one of the panel's domains
   * gets the padded 404 (INVALID_HOST), whatever the credentials.
   */
  public static Overlay xuiVerifyHost(String... allowedDomains) {
    Set<String> allowed = Set.of(allowedDomains);
    return (request, next) -> {
      String host = request.header("host").orElse("").replaceAll(":\\d+$", "");
      boolean ipLiteral = host.matches("[0-9.]+") || host.startsWith("[");
      return ipLiteral || allowed.contains(host.toLowerCase(java.util.Locale.ROOT))
          ? next.handle(request)
          : Reply.answer(Panel.xuiRefusal());
    };
  }

  /**
   * A redirect for every request to the same path and query on {@code newBase} (e.g. {@code
   * https://panel.example.test:8443}): a panel that moved.
   */
  public static Overlay redirectTo(int status, String newBase) {
    if (status != 301 && status != 302 && status != 307 && status != 308) {
      throw new IllegalArgumentException("redirects are 301, 302, 307 or 308, not " + status);
    }
    return (request, next) ->
        Reply.answer(
            PanelServer.nginxPage(status, Response.reasonOf(status))
                .withHeader("Location", newBase + request.target()));
  }

  /**
   * PHP warnings printed around the site's answer, as a panel with {@code display_errors} on does:
   * {@code before}, {@code after} or {@code both}. The status and headers stay.
   */
  public static Overlay phpWarnings(String where) {
    String w = where.toLowerCase(java.util.Locale.ROOT);
    if (!Set.of("before", "after", "both").contains(w)) {
      throw new IllegalArgumentException("php-warnings goes before, after or both, not " + where);
    }
    return (request, next) ->
        map(
            next.handle(request),
            r -> {
              byte[] warning = Pages.phpWarning().getBytes(java.nio.charset.StandardCharsets.UTF_8);
              java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
              if (!w.equals("after")) {
                body.writeBytes(warning);
              }
              body.writeBytes(r.body());
              if (!w.equals("before")) {
                body.writeBytes(warning);
              }
              return r.withBody(body.toByteArray());
            });
  }

  /** A UTF-8 byte-order mark before the site's answer (a PHP file saved "with BOM"). */
  public static Overlay byteOrderMark() {
    return (request, next) ->
        map(
            next.handle(request),
            r -> {
              byte[] body = new byte[r.body().length + 3];
              body[0] = (byte) 0xEF;
              body[1] = (byte) 0xBB;
              body[2] = (byte) 0xBF;
              System.arraycopy(r.body(), 0, body, 3, r.body().length);
              return r.withBody(body);
            });
  }

  /**
   * The site's answer under another status code, body and headers kept: an emulator or a hardened
   * panel answering a refused login with 401 or 403 and its login JSON.
   */
  public static Overlay status(int code) {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + code);
    }
    return (request, next) -> map(next.handle(request), r -> r.withStatus(code));
  }

  /**
   * Applies {@code overlay} only during these hours of the day, as {@code clock} tells them in its
   * own zone (a panel overloaded every evening); at other hours requests pass straight through.
   */
  public static Overlay atHours(
      java.util.Set<Integer> hours, java.time.Clock clock, Overlay overlay) {
    java.util.Set<Integer> during = java.util.Set.copyOf(hours);
    return (request, next) ->
        during.contains(clock.instant().atZone(clock.getZone()).getHour())
            ? overlay.handle(request, next)
            : next.handle(request);
  }

  /** Applies {@code overlay} only to requests for this path; others pass straight through. */
  public static Overlay onPath(String path, Overlay overlay) {
    return (request, next) ->
        request.path().equals(path) ? overlay.handle(request, next) : next.handle(request);
  }

  /** Applies {@code overlay} from the {@code n}-th request on (1-based); earlier ones pass. */
  public static Overlay fromRequest(int n, Overlay overlay) {
    AtomicInteger seen = new AtomicInteger();
    return (request, next) ->
        seen.incrementAndGet() >= n ? overlay.handle(request, next) : next.handle(request);
  }

  private static Response cloudflareHeaders(Response r, String ray) {
    return r.replacingHeader("Server", "cloudflare").replacingHeader("CF-RAY", ray);
  }

  private static String rayId() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes) + "-LHR";
  }

  private static Reply map(Reply reply, java.util.function.UnaryOperator<Response> change) {
    return reply instanceof Reply.Answer a ? Reply.answer(change.apply(a.response())) : reply;
  }
}
