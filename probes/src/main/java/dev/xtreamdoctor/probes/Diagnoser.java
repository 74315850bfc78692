package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.FactModel;
import dev.xtreamdoctor.engine.PageSignals;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.ProbeProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every probe for one diagnosis and returns the facts, for the engine's {@code
 * DiagnosisEngine} to judge. Independent probes run at once under one total deadline; a probe whose
 * layer below failed does not run; a probe that crashed leaves a {@link ProbeProblem}.
 */
public final class Diagnoser {
  /** Past the total deadline, how long stragglers get before the facts are taken as they are. */
  static final long GRACE_MS = 500;

  private final ProbeSettings settings;
  private final TlsTrust trust;
  private final TargetPolicy policy;
  private final PageSignals pages;
  private final ProbeListener listener;

  public Diagnoser(ProbeSettings settings) {
    this(settings, TlsTrust.system());
  }

  public Diagnoser(ProbeSettings settings, TlsTrust trust) {
    this(settings, trust, TargetPolicy.any());
  }

  /** A diagnoser whose network gate also asks {@code policy} about every panel address and port. */
  public Diagnoser(ProbeSettings settings, TlsTrust trust, TargetPolicy policy) {
    this(settings, trust, policy, PageSignals.bundled(), ProbeListener.NONE);
  }

  private Diagnoser(
      ProbeSettings settings,
      TlsTrust trust,
      TargetPolicy policy,
      PageSignals pages,
      ProbeListener listener) {
    this.settings = settings;
    this.trust = trust;
    this.policy = policy;
    this.pages = pages;
    this.listener = listener;
  }

  /** This diagnoser, telling {@code value} as each step of the login starts and finishes. */
  public Diagnoser withListener(ProbeListener value) {
    return new Diagnoser(
        settings, trust, policy, pages, value == null ? ProbeListener.NONE : value);
  }

  /**
   * This diagnoser, looking for the page signals of the rule set in use (its {@code
   * page-signals.txt}) instead of the bundled rules' ones.
   */
  public Diagnoser withPageSignals(PageSignals value) {
    return new Diagnoser(settings, trust, policy, value, listener);
  }

  public List<Fact> run(ProbeRequest request) throws BadServerInputException {
    return runTimed(request).facts();
  }

  /**
   * Starts, on a thread of its own, the work a fresh JVM repeats before every first diagnosis and
   * that needs no target: the HTTP client for these settings, Jersey's runtime included, and
   * dnsjava's tables. Nothing is sent and no name is resolved. For a short-lived process (the
   * command line) that calls it as soon as it knows the settings, so this overlaps reading the
   * options and rules instead of holding up the first probes; a run finds the client built, or
   * waits for the one being built. A failure here is left for the run to meet and report.
   */
  public void prepare() {
    NetworkGate gate = NetworkGate.create(settings.loopbackOnly(), policy);
    Thread t =
        new Thread(
            () -> {
              try {
                DnsProbe.prepare();
                HttpClients.prepared(
                    HttpClients.client(gate, trust, settings.connectMs(), settings.readMs()));
              } catch (RuntimeException | LinkageError ignored) {
                // the run builds the same and reports what fails
              }
            },
            "probes-prepare");
    t.setDaemon(true);
    t.start();
  }

  /** The facts plus wall time and each probe's time. */
  public DiagnosisRun runTimed(ProbeRequest request) throws BadServerInputException {
    return probe(request).run();
  }

  /**
   * As {@link #runTimed}, for callers that must answer "refused" instead of reporting it (the Java
   * API, the service): a target the policy refused is thrown as the gate raised it, typed.
   */
  public DiagnosisRun runOrRefuse(ProbeRequest request)
      throws BadServerInputException, TargetRefusedException {
    Probed probed = probe(request);
    if (probed.refused().isPresent()) {
      throw probed.refused().get();
    }
    return probed.run();
  }

  /** A diagnosis's facts and timings, and the target policy's refusal if there was one. */
  private record Probed(DiagnosisRun run, Optional<TargetRefusedException> refused) {}

  private Probed probe(ProbeRequest request) throws BadServerInputException {
    long start = System.nanoTime();
    java.time.Instant startedAt = java.time.Instant.now();
    ParsedServer parsed = ServerInputParser.parse(request.server());
    ExecutorService pool = Executors.newCachedThreadPool(daemons("doctor-probe"));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(daemons("doctor-deadline"));
    try {
      ProbeRun run =
          new ProbeRun(
              settings, trust, policy, parsed, request, pool, timer, start, pages, listener);
      List<Fact> facts = new ArrayList<>(run.inputFacts());
      Steps.tell(listener, "input", facts);
      if (parsed.usable()) {
        facts.addAll(networkFacts(run, pool, start));
      }
      facts.sort(Comparator.comparingInt(f -> FactModel.OBSERVATIONS.indexOf(f.getClass())));
      DiagnosisRun done =
          new DiagnosisRun(
              facts,
              (System.nanoTime() - start) / 1_000_000,
              run.timings(),
              startedAt,
              run.username());
      return new Probed(done, run.refused());
    } finally {
      pool.shutdownNow();
      timer.shutdownNow();
    }
  }

  private List<Fact> networkFacts(ProbeRun run, ExecutorService pool, long start) {
    long hardStopNanos = start + Duration.ofMillis(settings.totalMs() + GRACE_MS).toNanos();
    Future<?> work = pool.submit(run::probeNetwork);
    try {
      work.get(Math.max(1, hardStopNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      work.cancel(true);
      run.budget().stop("deadline");
    } catch (InterruptedException e) {
      work.cancel(true);
      run.budget().stop("deadline");
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      run.problem("diagnoser", e.getCause());
    }
    return run.networkFactsSoFar();
  }

  private static java.util.concurrent.ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
