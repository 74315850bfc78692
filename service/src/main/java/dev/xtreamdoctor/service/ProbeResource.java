package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.DiagnosisRequest;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.RulesFailedException;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.TargetRefusedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /probe?line=NAME}: one diagnosis of a line from the lines file, answered in the
 * Prometheus text format for a scrape (the multi-target pattern of blackbox_exporter's /probe). The
 * same bearer token as /v1 (checked by the {@link ClientGate}). Every probe takes the panel's turn
 * in the shared politeness budget: a scrape the budget has no login for gets the line's last
 * observation again, marked {@code xtream_probe_cached 1}; with none yet, a 429 with Retry-After
 * (Prometheus records the scrape as failed, {@code up 0}, rather than a line that is down).
 */
@Path("/probe")
public final class ProbeResource {
  private static final System.Logger LOG = System.getLogger("dev.xtreamdoctor.service");

  private final XtreamDoctor doctor;
  private final PanelTurns turns;
  private final ProbeLines lines;
  private final long verdictCacheMs;
  private final Map<String, Probed> last = new ConcurrentHashMap<>();
  private final ServiceMetrics metrics;

  /** A line's latest observation: the facts, when, and how long observing took. */
  private record Probed(List<Fact> facts, Instant at, long millis) {}

  ProbeResource(
      XtreamDoctor doctor,
      PanelTurns turns,
      ProbeLines lines,
      long verdictCacheMs,
      ServiceMetrics metrics) {
    this.metrics = metrics;
    this.doctor = doctor;
    this.turns = turns;
    this.lines = lines;
    this.verdictCacheMs = verdictCacheMs;
  }

  @GET
  public Response probe(@QueryParam("line") String name) {
    if (name == null || name.isBlank()) {
      return Problem.of(
              400,
              "bad-request",
              "Bad request",
              "name the line: /probe?line=NAME, one of the lines file (doctor.serve.lines-file)")
          .response();
    }
    Optional<ProbeLines.Line> found = lines.line(name);
    if (found.isEmpty()) {
      return Problem.of(
              404,
              "unknown-line",
              "Unknown line",
              lines.all().isEmpty()
                  ? "this service has no lines to probe: set doctor.serve.lines-file"
                  : "no line of that name in the lines file")
          .response();
    }
    ProbeLines.Line line = found.get();
    String password;
    try {
      password = ProbeLines.password(line);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "probe of line {0}: {1}", line.name(), e.getMessage());
      return new Problem(
              503,
              "password-unreadable",
              "Password unreadable",
              "the line's password file cannot be read; see the service's log",
              30)
          .response();
    }
    Redactor redactor = Redactor.of(password);
    try {
      return probeOrRecall(line, password, redactor);
    } catch (BadServerInputException e) {
      LOG.log(
          Level.WARNING,
          "probe of line {0}: unusable server address: {1}",
          line.name(),
          redactor.scrub(e.getMessage()));
      return Problem.badServer(redactor.scrub(e.getMessage())).response();
    } catch (TargetRefusedException e) {
      LOG.log(
          Level.WARNING, "probe of line {0} refused: {1}", line.name(), redactor.scrub(e.reason()));
      return Problem.targetRefused(
              "this service does not contact that line's server (doctor.serve.allow-cidrs, doctor.serve.ports)")
          .response();
    } catch (RedisBudget.Unavailable e) {
      LOG.log(Level.WARNING, "probe of line {0} not run: {1}", line.name(), e.getMessage());
      return Problem.budgetUnavailable().response();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Problem.stopping().response();
    } catch (RulesFailedException e) {
      throw e; // the rules' fault, named: 500 rules-failed (ProblemMapper)
    } catch (RuntimeException e) {
      LOG.log(
          Level.ERROR,
          "probe of line " + line.name() + " failed",
          ApiResource.scrubbed(e, redactor));
      return Problem.internal().response();
    }
  }

  /**
   * The line's verdict: a recent one again (this service's, or the shared budget's), else one new
   * diagnosis when the panel's turn comes (at once when an earlier one can answer meanwhile).
   */
  private Response probeOrRecall(ProbeLines.Line line, String password, Redactor redactor)
      throws BadServerInputException, TargetRefusedException, InterruptedException {
    PanelTurns.Line key = turns.line(line.server(), Optional.of(line.username()), password);
    Probed recent = last.get(line.name());
    if (recent != null
        && doctor.clock().instant().isBefore(recent.at().plusMillis(verdictCacheMs))) {
      return answer(recent, true, line, redactor);
    }
    Optional<PanelTurns.Observed> shared = turns.cached(key);
    if (shared.isPresent()) {
      return answer(new Probed(shared.get().facts(), shared.get().at(), -1), true, line, redactor);
    }
    // With an earlier observation to answer, do not wait for a turn: answer it at once.
    try (PanelTurns.Turn turn = recent != null ? turns.take(key, 0) : turns.take(key)) {
      Probed seen = observe(line, password, turn, key);
      last.put(line.name(), seen);
      return answer(seen, false, line, redactor);
    } catch (PanelTurns.Refused e) {
      if (recent != null) {
        return answer(recent, true, line, redactor);
      }
      LOG.log(Level.INFO, "probe of line {0} waits: {1}", line.name(), e.problem.type());
      return e.problem.response();
    }
  }

  private Probed observe(
      ProbeLines.Line line, String password, PanelTurns.Turn turn, PanelTurns.Line key)
      throws BadServerInputException, TargetRefusedException {
    Instant at = doctor.clock().instant();
    long start = System.nanoTime();
    try {
      List<Fact> facts =
          doctor.observe(
              DiagnosisRequest.forServer(line.server())
                  .username(line.username())
                  .password(password.toCharArray())
                  .build());
      turn.sent(facts);
      turns.remember(key, facts, at);
      return new Probed(facts, at, (System.nanoTime() - start) / 1_000_000);
    } catch (BadServerInputException | TargetRefusedException e) {
      turn.nothingSent();
      throw e;
    }
  }

  /** The metrics of an observation, judged now with the line's vantage (remote by default). */
  private Response answer(Probed seen, boolean cached, ProbeLines.Line line, Redactor redactor) {
    Diagnosis d =
        doctor.evaluate(
            new PanelTurns.Observed(seen.facts(), seen.at())
                .with(Optional.of(new ReportedSymptoms("", "", "", "", "", "", line.vantage()))));
    metrics.diagnosis("probe", d);
    String text = redactor.scrub(ProbeMetrics.text(d, seen.at(), seen.millis(), cached));
    return Response.ok(text.getBytes(StandardCharsets.UTF_8), ProbeMetrics.CONTENT_TYPE).build();
  }
}
