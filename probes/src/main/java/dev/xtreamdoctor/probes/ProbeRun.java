package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.PageSignals;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.ServerInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One diagnosis in flight: the input facts, then the steps of {@link ProbeChain} in order along the
 * path the user's app takes (input → DNS → TCP to each address in the app's order until one
 * connects → TLS → one login, its redirects followed as the app follows them; latency samples
 * beside it; a comparison through a public resolver's address only when that path failed before
 * reaching the panel). Each step runs through {@link Observations}, which keeps facts as they come,
 * so a deadline that cuts the run short still leaves everything observed so far.
 */
final class ProbeRun {
  private final ParsedServer server;
  private final ExecutorService pool;
  private final Redactor redactor;
  private final String username;
  private final Secret password;
  private final boolean usernameFromUrl;
  private final boolean passwordFromUrl;
  private final Optional<Fact> symptoms;
  private final Observations seen;
  private final ProbeContext context;

  ProbeRun(
      ProbeSettings settings,
      TlsTrust trust,
      TargetPolicy policy,
      ParsedServer server,
      ProbeRequest request,
      ExecutorService pool,
      ScheduledExecutorService timer,
      long startNanos,
      PageSignals pages,
      ProbeListener listener) {
    this.server = server;
    this.pool = pool;
    this.usernameFromUrl = request.username() == null && server.pastedUsername().isPresent();
    this.passwordFromUrl = request.password() == null && server.pastedPassword().isPresent();
    this.username =
        request.username() != null ? request.username() : server.pastedUsername().orElse(null);
    this.password =
        request.password() != null ? request.password() : server.pastedPassword().orElse(null);
    this.symptoms = request.symptoms().map(s -> s);
    this.redactor = Redactor.of(password == null ? null : password.reveal());
    this.seen = new Observations(redactor, listener);
    this.context =
        new ProbeContext(
            settings,
            trust,
            NetworkGate.create(settings.loopbackOnly(), policy),
            server,
            username,
            password,
            timer,
            startNanos + Duration.ofMillis(settings.totalMs()).toNanos(),
            pages,
            redactor,
            seen);
  }

  /**
   * The username the login uses (typed, or from a pasted link), or "" when none: never the
   * password.
   */
  String username() {
    return username == null ? "" : username;
  }

  PanelBudget budget() {
    return context.budget();
  }

  /** The first refusal of the target policy, kept typed for callers that must say "refused". */
  Optional<TargetRefusedException> refused() {
    return seen.refused();
  }

  Map<String, Long> timings() {
    return seen.timings();
  }

  List<Fact> inputFacts() {
    List<Fact> out = new ArrayList<>();
    out.add(scrubbed(server.input()));
    out.add(CredentialInputs.describe("username", username, usernameFromUrl));
    out.add(
        CredentialInputs.describe(
            "password", password == null ? null : password.reveal(), passwordFromUrl));
    symptoms.ifPresent(out::add);
    return out;
  }

  /** The typed server text with the password masked, even if it was typed in the wrong field. */
  private ServerInput scrubbed(ServerInput in) {
    return new ServerInput(
        redactor.scrub(in.typed()),
        in.outcome(),
        in.scheme(),
        redactor.scrub(in.host()),
        in.port(),
        in.schemeGiven(),
        in.portGiven(),
        in.hostKind(),
        in.pastedForm(),
        redactor.scrub(in.baseUrl()),
        in.cleanups());
  }

  List<Fact> networkFactsSoFar() {
    List<Fact> out = seen.snapshot();
    out.add(context.budget().fact());
    return out;
  }

  /** The network steps of {@link ProbeChain#STEPS}. */
  void probeNetwork() {
    walk(ProbeChain.STEPS);
  }

  /**
   * Walks {@code chain} in order: each step that applies, given what the steps before learned, runs
   * through {@link Observations#run} (in turn, or on a thread of its own when it runs beside the
   * path); the run ends when the steps beside it have ended or the deadline has passed.
   */
  void walk(List<ProbeStep> chain) {
    warmUpHttp();
    List<Future<?>> beside = new ArrayList<>();
    for (ProbeStep step : chain) {
      if (!step.appliesTo(context)) {
        continue;
      }
      if (step.beside()) {
        beside.add(pool.submit(() -> seen.run(step, context)));
      } else {
        seen.run(step, context);
      }
    }
    for (Future<?> f : beside) {
      try {
        f.get(Math.max(1, context.deadlineNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        f.cancel(true);
      }
    }
  }

  /**
   * Loads the HTTP stack while DNS and TCP run. Not a probe: a failure here shows again, as a
   * ProbeProblem, at the login.
   */
  private void warmUpHttp() {
    pool.submit(
        () -> {
          try {
            context.http().warmUp();
          } catch (RuntimeException | LinkageError ignored) {
            // reported by the login itself
          }
        });
  }

  /** A crash of a probe, or the diagnoser's own: a ProbeProblem, never a fact about the line. */
  void problem(String probe, Throwable e) {
    seen.problem(probe, e);
  }
}
