package dev.xtreamdoctor.service;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * An error answer as {@code application/problem+json} (RFC 9457): a type, a title, the status, one
 * line of detail, and the request as {@code instance} ({@code urn:xtream-doctor:request:ID}, the
 * {@code X-Request-Id} of the answer and of the service's log lines). The detail never quotes the
 * request body, so nothing a caller sent (least of all a password) comes back.
 *
 * @param status the HTTP status
 * @param type a stable identifier of the kind of problem
 * @param title the kind of problem, in words
 * @param detail this occurrence, in one line
 * @param retryAfterSeconds for 429 and 503: when to try again, else 0
 */
public record Problem(int status, String type, String title, String detail, int retryAfterSeconds) {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String MEDIA_TYPE = "application/problem+json";

  static Problem of(int status, String type, String title, String detail) {
    return new Problem(status, type, title, detail, 0);
  }

  /** The address given cannot be used to reach a server (a refusal, before any panel is asked). */
  static Problem badServer(String detail) {
    return of(422, "bad-server", "Unusable server address", detail);
  }

  /** The server is one this service does not contact (doctor.serve.allow-cidrs, ports). */
  static Problem targetRefused(String detail) {
    return of(422, "target-refused", "Server not allowed", detail);
  }

  /** The shared panel budget (Redis) cannot be reached, so no panel is contacted. */
  static Problem budgetUnavailable() {
    return new Problem(
        503,
        "budget-unavailable",
        "Panel budget unavailable",
        "the shared panel budget cannot be reached, so no panel is contacted; try again shortly",
        5);
  }

  /** The service is stopping: the request's thread was interrupted while it waited. */
  static Problem stopping() {
    return new Problem(503, "busy", "Service busy", "the service is stopping", 1);
  }

  /** The service failed; what went wrong is in its log, never in the answer. */
  static Problem internal() {
    return of(500, "internal", "Internal error", "the service failed; see its log");
  }

  /**
   * The rules could not finish this request's evaluation (a rule kept firing, the deadline passed,
   * a then part threw): a fault of the rule set, not of the request, and only this request's. The
   * detail names each rule at fault as {@code file:line:col: message}.
   */
  static Problem rulesFailed(dev.xtreamdoctor.engine.RulesFailedException e) {
    return of(
        500,
        "rules-failed",
        "The rules failed on these facts",
        String.join("; ", e.problems().stream().map(Object::toString).toList()));
  }

  /** The problem in the request this thread serves (its {@code instance} names the request). */
  String json() {
    return json(RequestIds.current());
  }

  /** The problem in the request with this id (null: none known, no {@code instance}). */
  String json(String requestId) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("type", "https://xtream-doctor.dev/problems/" + type)
            .add("title", title)
            .add("status", status);
    if (detail != null && !detail.isEmpty()) {
      b.add("detail", detail);
    }
    if (requestId != null) {
      b.add("instance", RequestIds.instance(requestId));
    }
    return b.build().toString();
  }

  byte[] bytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }

  byte[] bytes(String requestId) {
    return json(requestId).getBytes(StandardCharsets.UTF_8);
  }

  /** The answer, with Retry-After when there is one. */
  Response response() {
    Response.ResponseBuilder r = Response.status(status).type(MEDIA_TYPE).entity(bytes());
    if (retryAfterSeconds > 0) {
      r.header("Retry-After", Integer.toString(retryAfterSeconds));
    }
    return r.build();
  }
}
