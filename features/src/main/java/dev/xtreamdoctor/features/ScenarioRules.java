package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.facts.Fact;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.Collection;

/**
 * The rules under test as one scenario sees them, facts-level and simulator-level steps alike.
 * Cucumber's object factory ({@link ScenarioObjects}) makes one per scenario over the run's {@link
 * RulesUnderTest} and hands it to each step class's constructor, as it does the {@link World}: the
 * one hook through which {@code xtream-doctor rules test DIR} (or {@code
 * -Dxtreamdoctor.scenarios.rules=DIR}) puts edited rules under test. Steps that diagnose call
 * {@link #evaluate} (or {@link #book()} / {@link #engine()} to build their own engine, e.g. with
 * other settings, and report the rules that fired with {@link #fired}), so the runner can list the
 * rules no scenario fired and {@code rules check} can look at every diagnosis a scenario makes.
 *
 * <p>Simulator-level (end-to-end) steps go in this package or below it: {@link ScenarioRunner}'s
 * glue is {@code dev.xtreamdoctor.features}, so {@code rules test} runs them with the same rules.
 */
public final class ScenarioRules {
  private final RulesUnderTest rules;
  private String where = "";

  public ScenarioRules(RulesUnderTest rules) {
    this.rules = rules;
  }

  /** Notes where this scenario is, as "scenario "name" (file:line)", for the run's watcher. */
  @Before(order = 0)
  public void at(Scenario scenario) {
    where =
        "scenario \""
            + scenario.getName()
            + "\" ("
            + ScenarioRunner.shown(scenario.getUri())
            + ":"
            + scenario.getLine()
            + ")";
  }

  /** Diagnoses facts with the rules under test, notes the rules that fired, shows the watcher. */
  public Diagnosis evaluate(Collection<? extends Fact> facts) {
    Diagnosis d = rules.engine().evaluate(facts);
    fired(d.rulesFired());
    rules.watched(where, d);
    return d;
  }

  /** The rule book under test. */
  public RuleBook book() {
    return rules.book();
  }

  /** The engine over the rules under test, with the run's settings. */
  public DiagnosisEngine engine() {
    return rules.engine();
  }

  /** Notes rules that fired in this scenario: call it for every evaluation a step makes. */
  public void fired(Collection<String> ruleNames) {
    rules.fired(ruleNames);
  }
}
