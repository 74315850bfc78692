package dev.xtreamdoctor.service;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives on its own, before a request reaches the service (a malformed request
 * line, a negative Content-Length, headers over the size limit), as {@code
 * application/problem+json} like every other error of the service, instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
  private final ServiceMetrics metrics;

  ProblemErrorHandler(ServiceMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    Problem p = Problem.of(code, type(code), title(code), detail(message));
    // a request the ClientGate saw has its id (and is logged and counted when it completes);
    // one Jetty refused before that gets one here, and its line and count here
    Object known = request.getAttribute(RequestIds.ATTRIBUTE);
    String id = known != null ? known.toString() : RequestIds.accept(incomingId(request));
    if (known == null) {
      String path =
          request.getHttpURI() == null ? "" : String.valueOf(request.getHttpURI().getPath());
      String method = String.valueOf(request.getMethod());
      metrics.request(ClientGate.route(path), "other", code, 0);
      ClientGate.accessLog(id, method, ClientGate.route(path), path, code, 0, request);
    }
    response.getHeaders().put(RequestIds.HEADER, id);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    byte[] body = p.bytes(id);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static String incomingId(Request request) {
    try {
      return request.getHeaders() == null ? null : request.getHeaders().get(RequestIds.HEADER);
    } catch (RuntimeException e) {
      return null; // a request too broken to have headers
    }
  }

  private static String type(int code) {
    return switch (code) {
      case 400 -> "bad-request";
      case 404 -> "not-found";
      case 408 -> "timeout";
      case 413 -> "too-large";
      case 414 -> "uri-too-long";
      case 431 -> "headers-too-large";
      case 503 -> "busy";
      default -> code >= 500 ? "internal" : "http-" + code;
    };
  }

  private static String title(int code) {
    return switch (code) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 408 -> "Request timeout";
      case 413 -> "Request too large";
      case 414 -> "URI too long";
      case 431 -> "Request header fields too large";
      case 503 -> "Service busy";
      default -> code >= 500 ? "Internal error" : "HTTP " + code;
    };
  }

  /** Jetty's own one-line reason, kept only when it is short printable ASCII. */
  private static String detail(String message) {
    if (message == null
        || message.length() > 120
        || !message.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return "";
    }
    return message;
  }
}
