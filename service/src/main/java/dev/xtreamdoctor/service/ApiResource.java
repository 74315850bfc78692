package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.RulesStatus;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.Catalogue;
import dev.xtreamdoctor.engine.Devices;
import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.Languages;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.RulesFailedException;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.render.JsonRenderer;
import dev.xtreamdoctor.engine.render.MarkdownRenderer;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.TargetRefusedException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * The {@code /v1} resources. The {@link ClientGate} has checked the token and the client's rate
 * before any of these runs. Diagnoses and evaluations each have a fixed number of slots and a
 * bounded wait for one.
 */
@Path("/v1")
public final class ApiResource {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final System.Logger LOG = System.getLogger("dev.xtreamdoctor.service");

  private final XtreamDoctor doctor;
  private final ServeSettings settings;
  private final Slots diagnoses;
  private final Slots evaluations;
  private final PanelTurns turns;
  private final ServiceMetrics metrics;

  public ApiResource(
      XtreamDoctor doctor,
      ServeSettings settings,
      PanelTurns turns,
      Slots diagnoses,
      Slots evaluations,
      ServiceMetrics metrics) {
    this.doctor = doctor;
    this.settings = settings;
    this.turns = turns;
    this.diagnoses = diagnoses;
    this.evaluations = evaluations;
    this.metrics = metrics;
  }

  @GET
  @Path("/rules")
  public Response rules() {
    return json(rulesJson(doctor.rules()).build().toString());
  }

  @POST
  @Path("/diagnoses")
  public Response diagnose(
      @HeaderParam("Content-Type") String type,
      @HeaderParam("Content-Length") String length,
      @HeaderParam("Accept-Language") String acceptLanguage,
      @Context Request jetty,
      InputStream in)
      throws IOException {
    String client = String.valueOf(jetty.getAttribute(ClientGate.CLIENT));
    return withBody(type, length, in, body -> diagnose(body, client, acceptLanguage));
  }

  @POST
  @Path("/evaluations")
  public Response evaluate(
      @HeaderParam("Content-Type") String type,
      @HeaderParam("Content-Length") String length,
      @HeaderParam("Accept-Language") String acceptLanguage,
      InputStream in)
      throws IOException {
    String language = Languages.fromAcceptLanguage(acceptLanguage, doctor.languages());
    return withBody(
        type,
        length,
        in,
        body -> inSlot(evaluations, "evaluation", () -> evaluate(body, language)));
  }

  /** What to do with a body once it has been read. */
  private interface Handler {
    Response handle(String body);
  }

  private Response withBody(String type, String length, InputStream in, Handler h)
      throws IOException {
    String body;
    try {
      body = RequestBody.read(type, length, in, settings.maxBodyBytes());
    } catch (RequestBody.Refused e) {
      Response r = e.problem.response();
      return e.closeConnection ? Response.fromResponse(r).header("Connection", "close").build() : r;
    }
    return h.handle(body);
  }

  /** Runs the work in one of the slots, waiting for one at most {@code queue-timeout-ms}. */
  private Response inSlot(Slots slots, String kind, java.util.function.Supplier<Response> work) {
    Optional<Slots.Lease> lease;
    try {
      lease = slots.take(settings.queueTimeoutMs());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Problem.stopping().response();
    }
    if (lease.isEmpty()) {
      return new Problem(
              503,
              "busy",
              "Service busy",
              "all " + kind + " slots stayed busy; try again shortly",
              1)
          .response();
    }
    try (Slots.Lease held = lease.get()) {
      return work.get();
    }
  }

  /**
   * A diagnosis: from what was observed of the same line a moment ago if the cache has it, else in
   * the panel's turn (one at a time per panel, spaced, within its budget) and a free slot.
   */
  private Response diagnose(String body, String client, String acceptLanguage) {
    DiagnosisBody.Read read;
    try {
      read =
          DiagnosisBody.read(
              body,
              doctor.appMessages().keySet(),
              Devices.of(doctor.words(Catalogue.ENGLISH)),
              doctor.languages());
    } catch (DiagnosisBody.BadBody e) {
      return Problem.of(400, "bad-request", "Bad request", e.getMessage()).response();
    }
    // the body's "lang" first, else the client's Accept-Language, else English
    String language =
        read.request()
            .language()
            .orElseGet(() -> Languages.fromAcceptLanguage(acceptLanguage, doctor.languages()));
    try {
      PanelTurns.Line line =
          turns.line(read.request().server(), read.request().username(), read.password());
      Optional<PanelTurns.Observed> seen = turns.cached(line);
      if (seen.isPresent()) {
        return answer(seen.get(), true, read, client, language);
      }
      try (PanelTurns.Turn turn = turns.take(line)) {
        seen = turns.cached(line); // observed by whoever had the turn before
        if (seen.isPresent()) {
          turn.nothingSent();
          return answer(seen.get(), true, read, client, language);
        }
        return inSlot(diagnoses, "diagnosis", () -> observe(read, line, turn, client, language));
      }
    } catch (BadServerInputException e) {
      return Problem.badServer(scrub(e.getMessage(), read.password())).response();
    } catch (PanelTurns.Refused e) {
      LOG.log(Level.INFO, "diagnosis for {0} waits: {1}", client, e.problem.type());
      return e.problem.response();
    } catch (RedisBudget.Unavailable e) {
      LOG.log(Level.WARNING, "diagnosis for {0} not run: {1}", client, e.getMessage());
      return Problem.budgetUnavailable().response();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Problem.stopping().response();
    }
  }

  private Response observe(
      DiagnosisBody.Read read,
      PanelTurns.Line line,
      PanelTurns.Turn turn,
      String client,
      String language) {
    try {
      Instant at = doctor.clock().instant();
      List<Fact> facts = doctor.observe(read.request());
      turn.sent(facts);
      turns.remember(line, facts, at);
      return answer(new PanelTurns.Observed(facts, at), false, read, client, language);
    } catch (BadServerInputException e) {
      turn.nothingSent();
      return Problem.badServer(scrub(e.getMessage(), read.password())).response();
    } catch (TargetRefusedException e) {
      turn.nothingSent();
      LOG.log(
          Level.INFO, "diagnosis for {0} refused: {1}", client, scrub(e.reason(), read.password()));
      String why = e.reason().substring(e.reason().indexOf(": ") + 2);
      return Problem.targetRefused(
              "this service does not contact that server: " + scrub(why, read.password()))
          .response();
    } catch (RulesFailedException e) {
      throw e; // the rules' fault, named: 500 rules-failed (ProblemMapper)
    } catch (RuntimeException e) {
      // logged here, where the password is known: a message or cause may quote it
      LOG.log(
          Level.ERROR,
          "diagnosis for " + client + " failed",
          scrubbed(e, Redactor.of(read.password())));
      return Problem.internal().response();
    }
  }

  /**
   * The judged diagnosis, with when it was observed and whether that was for an earlier request.
   */
  private Response answer(
      PanelTurns.Observed seen,
      boolean cached,
      DiagnosisBody.Read read,
      String client,
      String language) {
    Diagnosis d = doctor.evaluate(seen.with(read.request().symptoms()), language);
    metrics.diagnosis(cached ? "cached" : "diagnosis", d);
    LOG.log(
        Level.INFO, "diagnosis for {0}: {1}{2}", client, d.category(), cached ? " (cached)" : "");
    JsonObjectBuilder out =
        JSON.createObjectBuilder(JsonRenderer.toJson(d))
            .add("checkedAt", doctor.clock().instant().toString())
            .add("observedAt", seen.at().toString())
            .add("cached", cached)
            .add("language", language)
            .add("ticketReply", new MarkdownRenderer(doctor.words(language)).render(d))
            .add("ticketReplyText", MarkdownRenderer.plainText(doctor.words(language)).render(d))
            .add("checks", JsonRenderer.checks(d));
    return json(scrub(out.build().toString(), read.password()));
  }

  /**
   * Defence in depth: the facts never hold the password, but any text going back is scrubbed of
   * every spelling of it anyway (unless it is so short that masking it would garble the answer).
   */
  private static String scrub(String text, String password) {
    return Redactor.of(password).scrub(text);
  }

  /** The exception and its causes with every message scrubbed; the stack traces as they were. */
  static Throwable scrubbed(Throwable e, Redactor redactor) {
    Throwable cause =
        e.getCause() == null || e.getCause() == e ? null : scrubbed(e.getCause(), redactor);
    Scrubbed copy =
        new Scrubbed(
            e.getClass().getName() + ": " + redactor.scrub(String.valueOf(e.getMessage())), cause);
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  /** An exception as logged: its class and scrubbed message in the message, its stack trace. */
  static final class Scrubbed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Scrubbed(String message, Throwable cause) {
      super(message, cause, false, true);
    }
  }

  private Response evaluate(String body, String language) {
    List<Fact> facts;
    try {
      facts = FactsJson.read(body);
    } catch (FactsJson.FactsException e) {
      return Problem.of(400, "bad-facts", "Bad facts", e.getMessage()).response();
    }
    Diagnosis d = doctor.evaluate(facts, language);
    metrics.diagnosis("evaluation", d);
    return json(
        Redactor.maskUrl(
            JSON.createObjectBuilder(JsonRenderer.toJson(d))
                .add("language", language)
                .build()
                .toString()));
  }

  static Response json(String json) {
    return Response.ok(json.getBytes(StandardCharsets.UTF_8), "application/json").build();
  }

  static JsonObjectBuilder rulesJson(RulesStatus s) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("fingerprint", s.fingerprint())
            .add("origin", s.origin())
            .add("loadedAt", s.loadedAt().toString());
    if (s.lastReload().isPresent()) {
      JsonArrayBuilder problems = JSON.createArrayBuilder();
      s.lastReload()
          .get()
          .problems()
          .forEach(
              p ->
                  problems.add(
                      JSON.createObjectBuilder()
                          .add("file", p.file())
                          .add("line", p.line())
                          .add("column", p.column())
                          .add("message", p.message())
                          .add("text", p.toString())));
      b.add(
          "lastReloadError",
          JSON.createObjectBuilder()
              .add("at", s.lastReload().get().at().toString())
              .add("problems", problems));
    } else {
      b.add("lastReloadError", JsonValue.NULL);
    }
    return b;
  }
}
