package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Conclusion;
import dev.xtreamdoctor.engine.facts.Evidence;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Finding;
import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.engine.facts.Settings;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.KieSession;

/**
 * Evaluates facts against a rule book: a clean session per diagnosis (taken from the rule book's
 * pool and reset after use) over one shared KieBase, so it is safe to call from many threads at
 * once.
 */
public final class DiagnosisEngine {
  private final RuleBook book;
  private final Settings settings;
  private final RuleLimits limits;

  /** An engine with the default {@link RuleLimits}. */
  public DiagnosisEngine(RuleBook book, Settings settings) {
    this(book, settings, RuleLimits.defaults());
  }

  public DiagnosisEngine(RuleBook book, Settings settings, RuleLimits limits) {
    this.book = book;
    this.settings = settings;
    this.limits = limits;
  }

  /** The limits every evaluation of this engine runs under. */
  public RuleLimits limits() {
    return limits;
  }

  public RuleBook ruleBook() {
    return book;
  }

  /**
   * Watches a diagnosis session: told when it starts (to add listeners) and before it is disposed
   * (to read what it holds). For explanations; a diagnosis without one pays nothing.
   */
  public interface SessionObserver {
    void started(KieSession session);

    void finished(KieSession session);
  }

  /** Runs the rules only: the conclusion, findings and fired rules, without words. */
  public Evaluation evaluateRules(Collection<? extends Fact> facts) {
    return evaluateRules(facts, null);
  }

  /**
   * Runs the rules only, with an observer on the session (may be null).
   *
   * @throws RulesFailedException when the rules could not finish: a rule kept firing, the deadline
   *     passed, a then part threw, or no conclusion was drawn
   */
  public Evaluation evaluateRules(Collection<? extends Fact> facts, SessionObserver observer) {
    // A pooled session is reset on dispose; an observed one gets its own, so its listeners
    // never outlive the diagnosis they watch.
    boolean pooled = observer == null;
    KieSession session = pooled ? book.pooledSession() : book.kieBase().newKieSession();
    RunawayGuard guard = new RunawayGuard(book, limits);
    return guard.run(
        session,
        pooled,
        () -> {
          if (observer != null) {
            observer.started(session);
          }
          guard.watch(session);
          session.insert(settings);
          for (Fact f : facts) {
            session.insert(f);
          }
          guard.fire(session);
          List<Finding> findings = new ArrayList<>();
          Conclusion conclusion = null;
          for (Object o : session.getObjects()) {
            if (o instanceof Finding f) {
              findings.add(f);
            } else if (o instanceof Conclusion c && conclusion == null) {
              conclusion = c;
            }
          }
          findings.sort(FINDING_ORDER);
          if (observer != null) {
            observer.finished(session);
          }
          if (conclusion == null) {
            throw guard.noConclusion();
          }
          return new Evaluation(conclusion, findings, guard.fired());
        });
  }

  /** Runs the rules and attaches the catalogue's words: the full diagnosis. */
  public Diagnosis evaluate(Collection<? extends Fact> facts) {
    return evaluate(facts, null);
  }

  /** The full diagnosis, with an observer on the session (may be null). */
  public Diagnosis evaluate(Collection<? extends Fact> facts, SessionObserver observer) {
    return evaluate(facts, observer, Catalogue.ENGLISH);
  }

  /**
   * The full diagnosis in a language of the rule set ({@link RuleBook#languages()}; English for one
   * it lacks), with an observer on the session (may be null).
   */
  public Diagnosis evaluate(
      Collection<? extends Fact> facts, SessionObserver observer, String language) {
    Evaluation e = evaluateRules(facts, observer);
    Catalogue words = words(language, facts);
    Conclusion c = e.conclusion();

    List<Finding> causes = new ArrayList<>();
    e.findings().stream()
        .filter(f -> f.causeId().equals(c.causeId()) && f.category().equals(c.category()))
        .findFirst()
        .ifPresent(causes::add);
    e.findings().stream()
        .filter(f -> f.isError() && f.category().equals(c.category()) && !causes.contains(f))
        .forEach(causes::add);

    Set<String> fixes = new LinkedHashSet<>();
    Set<Evidence> evidence = new LinkedHashSet<>();
    List<Diagnosis.Cause> causeViews = new ArrayList<>();
    for (Finding f : causes) {
      causeViews.add(new Diagnosis.Cause(f.causeId(), words.title(f.causeId(), f.params())));
      fixes.addAll(words.fixes(f.causeId(), f.params()));
      evidence.addAll(f.evidence());
    }
    if (causes.isEmpty()) {
      causeViews.add(new Diagnosis.Cause(c.causeId(), words.title(c.causeId(), Map.of())));
      fixes.addAll(words.fixes(c.causeId(), Map.of()));
    }
    List<Diagnosis.FindingView> views = new ArrayList<>();
    for (Finding f : e.findings()) {
      List<String> seen = f.evidence().stream().map(x -> EvidenceWords.say(x, words)).toList();
      views.add(
          new Diagnosis.FindingView(
              f.category(),
              f.causeId(),
              f.severity(),
              f.layer(),
              words.title(f.causeId(), f.params()),
              words.impact(f.causeId(), f.params()),
              words.fixes(f.causeId(), f.params()),
              seen,
              f.evidence()));
    }
    String title = words.categoryTitle(c.category());
    String summary = title + ": " + causeViews.get(0).text();
    // one line per sentence as shown: two keys that read the same in this language show once
    java.util.Map<String, Evidence> said = new java.util.LinkedHashMap<>();
    evidence.forEach(x -> said.putIfAbsent(EvidenceWords.say(x, words), x));
    return new Diagnosis(
        Diagnosis.SCHEMA_VERSION,
        c.category(),
        title,
        summary,
        causeViews,
        new ArrayList<>(fixes),
        new ArrayList<>(said.keySet()),
        views,
        List.copyOf(facts),
        e.rulesFired(),
        book.fingerprint(),
        java.time.Instant.now(),
        null,
        ReportWords.of(words),
        new ArrayList<>(said.values()));
  }

  /**
   * The words for this language, with the steps for the device the user named (the {@code device}
   * of their reported symptoms) where the catalogue has them.
   */
  public Catalogue words(String language, Collection<? extends Fact> facts) {
    String device = "";
    for (Fact f : facts) {
      if (f instanceof ReportedSymptoms r && r.device() != null) {
        device = r.device();
      }
    }
    return book.catalogue(language).forDevice(device);
  }

  /**
   * For display: errors first, then warnings, info and unchecked; then in layer order; on one layer
   * in the order the ranking decides between them (category, then cause id).
   */
  private static final Comparator<Finding> FINDING_ORDER =
      Comparator.comparingInt((Finding f) -> Vocabulary.rank(Vocabulary.SEVERITIES, f.severity()))
          .thenComparingInt(f -> Vocabulary.rank(Vocabulary.LAYERS, f.layer()))
          .thenComparingInt(f -> Vocabulary.rank(Vocabulary.CATEGORIES, f.category()))
          .thenComparing(Finding::causeId);
}
