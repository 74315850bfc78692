package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.Evaluation;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleLimits;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Settings;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The rules every scenario step evaluates against, facts-level and simulator-level alike: the one
 * hook through which {@code xtream-doctor rules test DIR} (or {@code
 * -Dxtreamdoctor.scenarios.rules=DIR}) puts edited rules under test. Compiled once and shared by
 * every scenario, because building the KieBase is the slow part. Steps that diagnose call {@link
 * #evaluate} (or {@link #book()} to build their own engine, e.g. with other settings, and report
 * the rules that fired with {@link #fired}), so the runner can list the rules no scenario fired and
 * {@code rules check} can look at every diagnosis a scenario makes.
 *
 * <p>Simulator-level (end-to-end) steps go in this package or below it: {@link ScenarioRunner}'s
 * glue is {@code dev.xtreamdoctor.features}, so {@code rules test} runs them with the same rules.
 */
public final class ScenarioRules {
  /** A rules directory to test instead of the bundled rules, for runs through JUnit. */
  public static final String PROPERTY = "xtreamdoctor.scenarios.rules";

  private static volatile RuleBook book;
  private static volatile DiagnosisEngine engine;
  private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();
  private static volatile BiConsumer<String, Diagnosis> watcher;
  private static volatile String scenario = "";

  private ScenarioRules() {}

  /** Puts this rule book under test with the default settings and limits; forgets what fired. */
  public static void use(RuleBook rules) {
    use(rules, Settings.defaults(), RuleLimits.defaults());
  }

  /**
   * Puts this rule book under test (a command that compiled it already), with the thresholds and
   * limits of the configuration in use ({@code rules test --config}); forgets what fired.
   */
  public static synchronized void use(RuleBook rules, Settings settings, RuleLimits limits) {
    book = rules;
    engine = new DiagnosisEngine(rules, settings, limits);
    FIRED.clear();
  }

  /**
   * Shows every diagnosis a scenario step makes to {@code w}, with the scenario's place (null:
   * nobody watches). {@code rules check} looks for conflicting findings this way.
   */
  public static void watch(BiConsumer<String, Diagnosis> w) {
    watcher = w;
  }

  /** The scenario now running, as "file:line: name", for the watcher. */
  static void scenario(String where) {
    scenario = where;
  }

  /** Diagnoses facts with the rules under test, notes the rules that fired, shows the watcher. */
  public static Diagnosis evaluate(Collection<? extends Fact> facts) {
    Diagnosis d = engine().evaluate(facts);
    fired(d.rulesFired());
    BiConsumer<String, Diagnosis> w = watcher;
    if (w != null) {
      w.accept(scenario, d);
    }
    return d;
  }

  /**
   * The rules under test: those given to {@link #use}, else the property's directory, else bundled.
   */
  public static synchronized RuleBook book() {
    if (book == null) {
      String dir = System.getProperty(PROPERTY, "");
      try {
        use(dir.isBlank() ? RuleBook.bundled() : RuleBook.fromDirectory(Path.of(dir)));
      } catch (RulesException e) {
        throw new IllegalStateException(
            "the rules under test do not compile:\n" + e.getMessage(), e);
      }
    }
    return book;
  }

  /** The engine over the rules under test, with the default settings. */
  public static DiagnosisEngine engine() {
    book();
    return engine;
  }

  /** Notes rules that fired in a scenario: call it for every evaluation a step makes. */
  public static void fired(Collection<String> ruleNames) {
    FIRED.addAll(ruleNames);
  }

  /** Evaluates facts and notes the rules that fired. */
  public static Evaluation evaluateRules(Collection<? extends Fact> facts) {
    Evaluation e = engine().evaluateRules(facts);
    fired(e.rulesFired());
    return e;
  }

  /** Every rule that fired in some scenario since the rules were put under test. */
  public static Set<String> firedSoFar() {
    return Set.copyOf(FIRED);
  }
}
