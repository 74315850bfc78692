package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.RulesFailedException.Reason;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs one evaluation under {@link RuleLimits}, so that no rule set can hang a caller or grow its
 * memory without bound.
 *
 * <ul>
 *   <li>Firings: {@code fireAllRules(max + 1)} stops a rule that keeps re-triggering itself; a
 *       listener counts the firings per rule to name it. This bounds memory too: Drools evaluates a
 *       rule's joins lazily, when the rule's turn comes, so the facts a loop inserts grow with the
 *       firings, and the matches of a join over them are fired (and counted) as they are made.
 *   <li>Deadline: the session runs on a worker thread; at the deadline the caller halts it (a halt
 *       takes effect between two firings) and gives it {@link #GRACE_MS} to stop. A then part that
 *       never returns ({@code while (true) {}}) ignores the halt: the caller is freed with an error
 *       at once, the session is dropped (never back to the pool), and the worker thread is stopped
 *       with {@link Thread#stop()}, the JVM's only way to end a thread that does not cooperate.
 *       Java 17 has it; where a later JVM refuses it, the thread is left to spin (one core) and the
 *       log says so.
 * </ul>
 *
 * <p>Cost: handing the evaluation to a worker thread and back takes about 10 to 20 µs (see
 * bench/RESULTS.md); a session that tripped a limit is disposed of, never reused.
 */
final class RunawayGuard extends DefaultAgendaEventListener {
  private static final System.Logger LOG = System.getLogger("dev.xtreamdoctor.engine.rules");

  /** How long a halted session gets to notice the halt before its worker is given up. */
  static final long GRACE_MS = 250;

  /** More time for a halt to be seen when the session was not in a then part at the deadline. */
  static final long SLOW_HALT_MS = 1000;

  private static final AtomicInteger WORKER_NUMBER = new AtomicInteger();
  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "rules-eval-" + WORKER_NUMBER.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private final RuleBook book;
  private final RuleLimits limits;
  private final List<String> fired = new ArrayList<>();

  /** Facts inserted, updated or deleted by each rule's then part: who keeps the loop going. */
  private final Map<String, Integer> changes = new HashMap<>();

  private final RuleRuntimeEventListener changeCounter =
      new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
          changed();
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
          changed();
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
          changed();
        }
      };
  private volatile String running;
  private volatile int firings;
  private volatile boolean halted;

  RunawayGuard(RuleBook book, RuleLimits limits) {
    this.book = book;
    this.limits = limits;
  }

  private void changed() {
    String rule = running;
    if (rule != null) {
      changes.merge(rule, 1, Integer::sum);
    }
  }

  /** Listens to a session: the firings, and the facts each then part changes. */
  void watch(KieSession session) {
    session.addEventListener((org.kie.api.event.rule.AgendaEventListener) this);
    session.addEventListener(changeCounter);
  }

  /** Rule names in firing order. */
  List<String> fired() {
    return fired;
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    running = event.getMatch().getRule().getName();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    fired.add(event.getMatch().getRule().getName());
    firings++;
    running = null;
  }

  /**
   * Runs {@code work} (which fires the session with {@link #fire}) on a worker thread and returns
   * its result, or throws {@link RulesFailedException} when a limit tripped.
   *
   * @param pooled whether the session came from the rule book's pool: a clean one goes back
   */
  <T> T run(KieSession session, boolean pooled, Callable<T> work) {
    AtomicReference<Thread> worker = new AtomicReference<>();
    Future<T> result =
        WORKERS.submit(
            () -> {
              worker.set(Thread.currentThread());
              boolean clean = false;
              try {
                T value = work.call();
                clean = !halted;
                return value;
              } finally {
                session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) this);
                session.removeEventListener(changeCounter);
                release(session, pooled, clean);
                worker.set(null);
              }
            });
    try {
      return result.get(limits.deadline().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException late) {
      halted = true;
      session.halt();
      try {
        try {
          result.get(GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
          if (running != null) {
            throw slow;
          }
          // Between two firings, in the engine: the halt is seen at the next one. On a busy
          // machine that can take a moment; a then part that never returns is seen above.
          result.get(SLOW_HALT_MS, TimeUnit.MILLISECONDS);
        }
      } catch (TimeoutException stuck) {
        String rule = running;
        stop(worker.get(), rule);
        throw failure(
            Reason.STUCK,
            rule,
            rule == null
                ? "the rules did not stop when the deadline passed (doctor.rules.deadline-ms="
                    + limits.deadline().toMillis()
                    + "), so the evaluation was abandoned"
                : "rule \""
                    + rule
                    + "\" was still in its then part when the deadline passed (doctor.rules.deadline-ms="
                    + limits.deadline().toMillis()
                    + "), so the evaluation was abandoned: its then part never returns");
      } catch (ExecutionException | InterruptedException | CancellationException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        // stopped by the halt, or failed while stopping: the deadline is what went wrong
      }
      throw deadline();
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      halted = true;
      session.halt();
      throw new CancellationException("the evaluation was interrupted");
    }
  }

  /** Fires the session's rules within the limit on firings; throws when it tripped. */
  void fire(KieSession session) {
    int n = session.fireAllRules(limits.maxFirings() + 1);
    if (halted) {
      throw deadline();
    }
    if (n > limits.maxFirings()) {
      throw tooManyFirings();
    }
  }

  /** The rules drew no conclusion. */
  RulesFailedException noConclusion() {
    boolean present = book.files().files().containsKey("00-ranking.drl");
    return new RulesFailedException(
        Reason.NO_CONCLUSION,
        List.of(
            new RuleProblem(
                present ? book.files().displayName("00-ranking.drl") : book.files().origin(),
                present ? 1 : 0,
                1,
                "the rules drew no conclusion for these facts: no rule inserted a Conclusion (the ranking rules in 00-ranking.drl are"
                    + " missing or broken)")),
        List.of());
  }

  private RulesFailedException tooManyFirings() {
    List<Map.Entry<String, Integer>> top = busiest();
    List<RuleProblem> problems = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Integer> e : top) {
      names.add(e.getKey());
      problems.add(
          at(
              e.getKey(),
              "rule \""
                  + e.getKey()
                  + "\" kept firing, and the evaluation was stopped at doctor.rules.max-firings="
                  + limits.maxFirings()
                  + " rule firings: it re-triggers itself (its then part changes or inserts a fact that its"
                  + " when part, or a rule it feeds, matches again)"));
    }
    return new RulesFailedException(Reason.TOO_MANY_FIRINGS, problems, names);
  }

  private RulesFailedException deadline() {
    List<Map.Entry<String, Integer>> top = busiest();
    if (top.isEmpty()) {
      return failure(
          Reason.DEADLINE,
          null,
          "the rules did not finish within doctor.rules.deadline-ms="
              + limits.deadline().toMillis()
              + " and were stopped");
    }
    List<RuleProblem> problems = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Integer> e : top) {
      names.add(e.getKey());
      problems.add(
          at(
              e.getKey(),
              "rule \""
                  + e.getKey()
                  + "\" kept firing ("
                  + e.getValue()
                  + " times), and the evaluation was stopped at its deadline,"
                  + " doctor.rules.deadline-ms="
                  + limits.deadline().toMillis()));
    }
    return new RulesFailedException(Reason.DEADLINE, problems, names);
  }

  private RulesFailedException translate(Throwable t) {
    if (t instanceof RulesFailedException r) {
      return r;
    }
    String rule = running;
    Throwable cause = t;
    if (t instanceof ConsequenceException c) {
      rule = c.getMatch() == null ? rule : c.getMatch().getRule().getName();
      cause = c.getCause() == null ? c : c.getCause();
    }
    if (cause instanceof Error e && !(cause instanceof StackOverflowError)) {
      throw e;
    }
    String what =
        cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + oneLine(cause.getMessage()));
    return failure(
        Reason.RULE_ERROR,
        rule,
        rule == null
            ? "the rules failed while matching facts: " + what
            : "rule \"" + rule + "\" failed in its then part: " + what);
  }

  private RulesFailedException failure(Reason reason, String rule, String message) {
    return new RulesFailedException(
        reason, List.of(at(rule, message)), rule == null ? List.of() : List.of(rule));
  }

  /** A problem placed at the rule's {@code rule "..."} line, or at the rule set when unknown. */
  private RuleProblem at(String rule, String message) {
    Optional<RuleSource.RuleText> text = rule == null ? Optional.empty() : book.source().rule(rule);
    return text.map(r -> new RuleProblem(book.files().displayName(r.file()), r.line(), 1, message))
        .orElseGet(() -> new RuleProblem(book.files().origin(), 0, 0, message));
  }

  /**
   * The rules that kept firing, with their firing counts, most to blame first: of the rules that
   * fired at least a tenth as often as the busiest, those whose then parts changed the most facts
   * (a rule that merely follows the loop, such as a condition re-derived at each turn, changes
   * none); three at most.
   */
  private List<Map.Entry<String, Integer>> busiest() {
    Map<String, Integer> counts = new HashMap<>();
    fired.forEach(name -> counts.merge(name, 1, Integer::sum));
    if (counts.isEmpty()) {
      return List.of();
    }
    int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<Map.Entry<String, Integer>> busy =
        counts.entrySet().stream()
            .filter(e -> e.getValue() * 10 >= most)
            .sorted(
                Comparator.comparing(
                        (Map.Entry<String, Integer> e) -> changes.getOrDefault(e.getKey(), 0),
                        Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    int mostChanges = changes.getOrDefault(busy.get(0).getKey(), 0);
    return busy.stream()
        .filter(e -> changes.getOrDefault(e.getKey(), 0) * 10 >= mostChanges)
        .limit(3)
        .toList();
  }

  private void release(KieSession session, boolean pooled, boolean clean) {
    try {
      if (clean || !pooled) {
        // a pooled session is reset and goes back; another one is disposed of for good
        session.dispose();
      } else {
        // tripped: never back to the pool. Forget it where the rule base keeps its sessions, so
        // the garbage collector takes it and whatever the runaway put in it.
        ((InternalKnowledgeBase) book.kieBase())
            .disposeStatefulSession((InternalWorkingMemory) session);
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.log(
          Level.DEBUG,
          "a session that tripped a limit could not be disposed of: {0}",
          e.toString());
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread worker, String rule) {
    if (worker == null) {
      return;
    }
    try {
      worker.stop();
      LOG.log(
          Level.WARNING,
          "rule \"{0}\" never returned from its then part; its thread was stopped",
          rule);
    } catch (UnsupportedOperationException e) {
      LOG.log(
          Level.ERROR,
          "rule \"{0}\" never returns from its then part and this JVM cannot stop its thread ({1}): it keeps one core busy until"
              + " the process ends; fix the rule and restart",
          rule,
          worker.getName());
    }
  }

  private static String oneLine(String s) {
    String line = s.strip().replaceAll("\\s*\\R\\s*", " ");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
