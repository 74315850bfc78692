package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.RuleProblem;
import java.util.List;

/**
 * How one scenario went.
 *
 * @param feature where the scenario is: {@code classpath:features/faq.feature} for a bundled one,
 *     else the file's path
 * @param line the scenario's line in that file
 * @param name the scenario's name
 * @param passed whether every step passed
 * @param failedStep the first step that did not pass, with its line ("" when passed)
 * @param problem what went wrong, in plain words: expected vs got, or an unknown step ("" when
 *     passed)
 * @param ruleProblems when the rules themselves failed (a rule kept firing, threw, drew no
 *     conclusion): each rule at fault, {@code file:line:col: message}; else empty
 */
public record ScenarioResult(
    String feature,
    int line,
    String name,
    boolean passed,
    String failedStep,
    String problem,
    List<RuleProblem> ruleProblems) {
  public ScenarioResult {
    ruleProblems = List.copyOf(ruleProblems);
  }
}
