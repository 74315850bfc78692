package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.ProbeProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What one diagnosis's probes have seen so far, and the one door every probe runs through: {@link
 * #guard} runs a probe by name (dns, tcp, tls, http, latency), times it, and turns a crash into a
 * ProbeProblem, never into a fact about the user's line; {@link #step} tells the listener when a
 * step of the login's path starts and what it saw; {@link #run} does both for a {@link ProbeStep}.
 * Facts are kept as they come, so a deadline that cuts the run short still leaves everything
 * observed.
 */
final class Observations {
  /** On each thread, the time spent in guards so far: what an enclosing guard does not count. */
  private static final ThreadLocal<long[]> GUARDED_NANOS =
      ThreadLocal.withInitial(() -> new long[1]);

  private final List<Fact> facts = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Long> timings = new ConcurrentHashMap<>();
  private final AtomicReference<TargetRefusedException> refusal = new AtomicReference<>();
  private final Redactor redactor;
  private final ProbeListener listener;

  Observations(Redactor redactor, ProbeListener listener) {
    this.redactor = redactor;
    this.listener = listener;
  }

  void add(Fact fact) {
    facts.add(fact);
  }

  void addAll(Collection<? extends Fact> more) {
    facts.addAll(more);
  }

  /** Every fact so far, in the order they came. */
  List<Fact> snapshot() {
    synchronized (facts) {
      return new ArrayList<>(facts);
    }
  }

  /** Each probe's own time, summed over its runs. */
  Map<String, Long> timings() {
    return Map.copyOf(timings);
  }

  /** The first refusal of the target policy, kept typed for callers that must say "refused". */
  Optional<TargetRefusedException> refused() {
    return Optional.ofNullable(refusal.get());
  }

  /**
   * One step of the login's path, told to the listener: that it started, then the facts it observed
   * (those added meanwhile; the listener sorts them into layers).
   */
  <T> T step(String name, Supplier<T> body) {
    int before;
    synchronized (facts) {
      before = facts.size();
    }
    Steps.started(listener, name);
    try {
      return body.get();
    } finally {
      List<Fact> observed;
      synchronized (facts) {
        observed = new ArrayList<>(facts.subList(Math.min(before, facts.size()), facts.size()));
      }
      Steps.tell(listener, name, observed);
    }
  }

  /**
   * Runs one probe; a crash becomes a ProbeProblem, never a fact about the user's line. Its time is
   * its own: a probe guarded inside it (a step that calls a second probe) counts for that one.
   */
  <T> Optional<T> guard(String probe, Callable<T> body) {
    long[] guardedHere = GUARDED_NANOS.get();
    long guardedBefore = guardedHere[0];
    long start = System.nanoTime();
    try {
      return Optional.ofNullable(body.call());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception | LinkageError e) {
      problem(probe, e);
      return Optional.empty();
    } finally {
      long took = System.nanoTime() - start;
      long inner = guardedHere[0] - guardedBefore;
      timings.merge(probe, (took - inner) / 1_000_000, Long::sum);
      guardedHere[0] = guardedBefore + took;
    }
  }

  /**
   * Runs one step through the door: guarded under its probe's name and, unless the listener does
   * not hear it, told as a step of the login's path.
   */
  void run(ProbeStep step, ProbeContext context) {
    Callable<Void> probe =
        () -> {
          step.run(context);
          return null;
        };
    if (step.heardAs().isEmpty()) {
      guard(step.probe(), probe);
    } else {
      step(step.heardAs(), () -> guard(step.probe(), probe));
    }
  }

  void problem(String probe, Throwable e) {
    NetworkRefusedException refused = NetworkRefusedException.findIn(e);
    if (refused instanceof TargetRefusedException target) {
      refusal.compareAndSet(null, target);
      problem(probe, refused.getMessage());
      return;
    }
    if (refused != null) {
      problem(probe, "the network gate " + refused.getMessage());
      return;
    }
    problem(probe, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  void problem(String probe, String detail) {
    facts.add(new ProbeProblem(probe, redactor.scrub(detail)));
  }
}
