package dev.xtreamdoctor.service;

import dev.xtreamdoctor.engine.RulesFailedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every error the resources do not answer themselves, as {@code application/problem+json}: an
 * unknown path (404), a wrong method (405, with Allow), rules that failed on a request's facts (500
 * rules-failed, naming the rule), and anything unexpected (500, logged here and never described to
 * the client).
 */
final class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final System.Logger LOG = System.getLogger("dev.xtreamdoctor.service");

  private final ServiceMetrics metrics;

  ProblemMapper(ServiceMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Response toResponse(Throwable e) {
    if (e instanceof NotAllowedException n) {
      Set<String> allowed = new TreeSet<>(n.getResponse().getAllowedMethods());
      allowed.removeAll(Set.of("HEAD", "OPTIONS"));
      String allow = String.join(", ", allowed);
      return Response.fromResponse(
              Problem.of(405, "method-not-allowed", "Method not allowed", "use " + allow)
                  .response())
          .header("Allow", allow)
          .build();
    }
    if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
      int status = w.getResponse().getStatus();
      return switch (status) {
        case 404 ->
            Problem.of(404, "not-found", "Not found", "no such resource; see /openapi.json")
                .response();
        case 406 ->
            Problem.of(406, "not-acceptable", "Not acceptable", "the answers are JSON").response();
        default ->
            Problem.of(status, "bad-request", "Bad request", "the request cannot be served")
                .response();
      };
    }
    if (e instanceof RulesFailedException r) {
      // The rules ran away or broke on this request's facts: its problem alone; named, not a bug.
      LOG.log(Level.WARNING, "the rules failed on a request: {0}", r.getMessage());
      metrics.rulesFailed();
      return Problem.rulesFailed(r).response();
    }
    LOG.log(Level.ERROR, "internal error", e);
    return Problem.internal().response();
  }
}
