package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleLimits;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.facts.Settings;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The rules one run of the scenarios evaluates against, with the thresholds and limits to evaluate
 * with, and what that run saw: the rules that fired in some scenario, and (for {@code rules check})
 * every diagnosis a scenario made. The caller makes one and hands it to {@link ScenarioRunner}; the
 * object factory ({@link ScenarioObjects}) gives it to each scenario's {@link ScenarioRules}, so
 * two runs at once (a hot reload's gate while {@code rules test} runs) never see each other's
 * rules.
 */
public final class RulesUnderTest {
  /** A rules directory to test instead of the bundled rules, for runs through JUnit. */
  public static final String PROPERTY = "xtreamdoctor.scenarios.rules";

  /** The rules of {@link #PROPERTY} or the bundled ones: compiled once, the slow part. */
  private static RuleBook byProperty;

  private final RuleBook book;
  private final Settings settings;
  private final RuleLimits limits;
  private final Set<String> fired = ConcurrentHashMap.newKeySet();
  private final BiConsumer<String, Diagnosis> watcher;
  private DiagnosisEngine engine;

  private RulesUnderTest(
      RuleBook book, Settings settings, RuleLimits limits, BiConsumer<String, Diagnosis> watcher) {
    this.book = book;
    this.settings = settings;
    this.limits = limits;
    this.watcher = watcher;
  }

  /** This rule book (a command compiled it already), with the default settings and limits. */
  public RulesUnderTest(RuleBook book) {
    this(book, Settings.defaults(), RuleLimits.defaults());
  }

  /**
   * This rule book with the thresholds and limits of the configuration in use ({@code rules test
   * --config}).
   */
  public RulesUnderTest(RuleBook book, Settings settings, RuleLimits limits) {
    this(java.util.Objects.requireNonNull(book), settings, limits, null);
  }

  /**
   * The rules in {@code -Dxtreamdoctor.scenarios.rules=DIR}, else the bundled ones, with the
   * default settings: what a run through JUnit tests. Compiled at first use.
   */
  public static RulesUnderTest byProperty() {
    return new RulesUnderTest(null, Settings.defaults(), RuleLimits.defaults(), null);
  }

  /**
   * These rules, showing every diagnosis a scenario step makes to {@code w}, with the scenario's
   * place. {@code rules check} looks for conflicting findings this way.
   */
  public RulesUnderTest watchedBy(BiConsumer<String, Diagnosis> w) {
    return new RulesUnderTest(book, settings, limits, w);
  }

  /** The rule book under test. */
  public RuleBook book() {
    return book != null ? book : compiledByProperty();
  }

  /** The engine over the rules under test, with this run's settings and limits. */
  public synchronized DiagnosisEngine engine() {
    if (engine == null) {
      engine = new DiagnosisEngine(book(), settings, limits);
    }
    return engine;
  }

  /** Every rule that fired in some scenario of this run. */
  public Set<String> firedSoFar() {
    return Set.copyOf(fired);
  }

  void fired(Collection<String> ruleNames) {
    fired.addAll(ruleNames);
  }

  void watched(String where, Diagnosis d) {
    if (watcher != null) {
      watcher.accept(where, d);
    }
  }

  private static synchronized RuleBook compiledByProperty() {
    if (byProperty == null) {
      String dir = System.getProperty(PROPERTY, "");
      try {
        byProperty = dir.isBlank() ? RuleBook.bundled() : RuleBook.fromDirectory(Path.of(dir));
      } catch (RulesException e) {
        throw new IllegalStateException(
            "the rules under test do not compile:\n" + e.getMessage(), e);
      }
    }
    return byProperty;
  }
}
