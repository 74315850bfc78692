package dev.xtreamdoctor.service;

import dev.xtreamdoctor.engine.Redactor;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every request passes before the resources see it: a bound on its header fields, then for
 * {@code /v1} the client's rate limit and the bearer token (so a caller without a token learns
 * nothing about routes or methods). Adds the headers every answer carries and logs each request.
 */
final class ClientGate extends Handler.Wrapper {
  private static final System.Logger LOG = System.getLogger("dev.xtreamdoctor.service");

  /** The request attribute holding who is calling: a token id, or the address for the untokened. */
  static final String CLIENT = "xtreamdoctor.client";

  private final BearerTokens tokens;
  private final RateLimiter rates;
  private final int maxHeaders;

  ClientGate(BearerTokens tokens, RateLimiter rates, int maxHeaders) {
    this.tokens = tokens;
    this.rates = rates;
    this.maxHeaders = maxHeaders;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long start = System.nanoTime();
    String route = request.getMethod() + " " + loggable(request.getHttpURI().getPath());
    // a failure after the answer was sent (e.g. a body left unread) still logs the answer's status
    Request.addCompletionListener(request,
        failure -> log(route, response.isCommitted() ? response.getStatus() : -1, start));
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    if (request.getHeaders().size() > maxHeaders) {
      return send(response, callback, Problem.of(431, "headers-too-large", "Request header fields too large",
          "more than " + maxHeaders + " header fields"));
    }
    String path = Request.getPathInContext(request);
    if (path.startsWith("/v1/") || path.equals("/probe")) {
      Optional<String> caller = tokens.caller(request.getHeaders().get(HttpHeader.AUTHORIZATION));
      String client = caller.orElse("ip-" + Request.getRemoteAddr(request));
      int wait = rates.take(client);
      if (wait > 0) {
        return send(response, callback, new Problem(429, "rate-limited", "Too many requests",
            "this client's request rate is limited; try again in " + wait + " s", wait));
      }
      if (caller.isEmpty()) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"xtream-doctor\"");
        return send(response, callback, Problem.of(401, "unauthorized", "Unauthorized",
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

  /** A path as the log shows it: short, and with any password in it masked. */
  private static String loggable(String path) {
    String p = path == null ? "" : path.length() > 200 ? path.substring(0, 200) + "..." : path;
    return Redactor.maskUrl(p);
  }

  private static void log(String route, int status, long start) {
    Level level = status >= 500 || status < 0 ? Level.WARNING : status >= 400 ? Level.INFO : Level.DEBUG;
    if (LOG.isLoggable(level)) {
      LOG.log(level, "{0} -> {1} in {2} ms", route, status, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
