package dev.xtreamdoctor.service;

import dev.xtreamdoctor.engine.Redactor;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every request passes before the resources see it: a bound on its header fields, then for
 * {@code /v1} the client's rate limit and the bearer token (so a caller without a token learns
 * nothing about routes or methods). Gives each request its {@code X-Request-Id}, adds the headers
 * every answer carries, and when the answer is sent logs one line and counts it in the metrics.
 */
final class ClientGate extends Handler.Wrapper {
  private static final System.Logger ACCESS = System.getLogger("dev.xtreamdoctor.service.access");

  /** The routes as metrics and the access log name them; any other path is {@code unmatched}. */
  static final Set<String> ROUTES =
      Set.of(
          "/",
          "/helpdesk.js",
          "/helpdesk.css",
          "/health",
          "/health/live",
          "/health/ready",
          "/openapi.json",
          "/metrics",
          "/probe",
          "/v1/diagnoses",
          "/v1/evaluations",
          "/v1/rules");

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  /** The request attribute holding who is calling: a token id, or the address for the untokened. */
  static final String CLIENT = "xtreamdoctor.client";

  private final BearerTokens tokens;
  private final RateLimiter rates;
  private final int maxHeaders;
  private final ServiceMetrics metrics;

  ClientGate(BearerTokens tokens, RateLimiter rates, int maxHeaders, ServiceMetrics metrics) {
    this.metrics = metrics;
    this.tokens = tokens;
    this.rates = rates;
    this.maxHeaders = maxHeaders;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long start = System.nanoTime();
    String id = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
    request.setAttribute(RequestIds.ATTRIBUTE, id);
    response.getHeaders().put(RequestIds.HEADER, id);
    String path = Request.getPathInContext(request);
    // a failure after the answer was sent (e.g. a body left unread) still logs the answer's status
    Request.addCompletionListener(request, failure -> done(request, response, id, path, start));
    RequestIds.set(id);
    try {
      return gate(request, response, callback, path);
    } finally {
      RequestIds.clear();
    }
  }

  private boolean gate(Request request, Response response, Callback callback, String path)
      throws Exception {
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (request.getHeaders().size() > maxHeaders) {
      return send(
          response,
          callback,
          Problem.of(
              431,
              "headers-too-large",
              "Request header fields too large",
              "more than " + maxHeaders + " header fields"));
    }
    if (path.startsWith("/v1/") || path.equals("/probe") || path.equals("/metrics")) {
      Optional<String> caller = tokens.caller(request.getHeaders().get(HttpHeader.AUTHORIZATION));
      String client = caller.orElse("ip-" + Request.getRemoteAddr(request));
      int wait = rates.take(client);
      if (wait > 0) {
        return send(
            response,
            callback,
            new Problem(
                429,
                "rate-limited",
                "Too many requests",
                "this client's request rate is limited; try again in " + wait + " s",
                wait));
      }
      if (caller.isEmpty()) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"xtream-doctor\"");
        return send(
            response,
            callback,
            Problem.of(
                401,
                "unauthorized",
                "Unauthorized",
                "send the header Authorization: Bearer <token>"));
      }
      request.setAttribute(CLIENT, client);
    }
    return super.handle(request, response, callback);
  }

  static boolean send(Response response, Callback callback, Problem p) {
    response.setStatus(p.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (p.retryAfterSeconds() > 0) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(p.retryAfterSeconds()));
    }
    byte[] body = p.bytes();
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /**
   * The answer is sent (or the exchange failed): one access log line, and the request's metrics.
   */
  private void done(Request request, Response response, String id, String path, long start) {
    long nanos = System.nanoTime() - start;
    int status = response.isCommitted() ? response.getStatus() : -1;
    String route = route(path);
    String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "other";
    metrics.request(route, method, status, nanos);
    accessLog(id, request.getMethod(), route, path, status, nanos, request);
  }

  /**
   * The route a path matches, as metrics label it (a bounded set: unknown paths are one series).
   */
  static String route(String path) {
    return ROUTES.contains(path) ? path : "unmatched";
  }

  /**
   * One line per request, whatever its status: which, how it ended, how long it took and for whom
   * (the token's short id, or the address of a caller without one). The path is cut to 200
   * characters and any password in it masked; no header, body or query is logged.
   */
  static void accessLog(
      String id,
      String method,
      String route,
      String path,
      int status,
      long nanos,
      Request request) {
    Level level = status >= 500 || status < 0 ? Level.WARNING : Level.INFO;
    if (!ACCESS.isLoggable(level)) {
      return;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("requestId", id);
    fields.put("method", loggable(method, 16));
    fields.put("route", route);
    fields.put("path", Redactor.maskUrl(loggable(path, 200)));
    fields.put("status", status);
    fields.put("durationMs", Math.round(nanos / 1e4) / 100.0);
    Object client = request.getAttribute(CLIENT);
    fields.put(
        "client", client != null ? client.toString() : "ip-" + Request.getRemoteAddr(request));
    ACCESS.log(
        level,
        "{0} {1} -> {2} in {3} ms",
        fields.get("method"),
        fields.get("path"),
        status,
        fields.get("durationMs"),
        fields);
  }

  /** A text as the log shows it: printable ASCII, cut to {@code max} characters. */
  private static String loggable(String text, int max) {
    String t = text == null ? "" : text.length() > max ? text.substring(0, max) + "..." : text;
    return t.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
