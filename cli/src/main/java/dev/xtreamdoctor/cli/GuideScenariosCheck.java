package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.api.RulesCheck;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleProblem;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.features.ScenarioResult;
import dev.xtreamdoctor.features.ScenarioRunner;
import java.util.List;

/**
 * The {@code rules test} gate for a hot reload: a rule set that compiles is put in use only if
 * every bundled guide scenario still passes with it, so an edit that flips a guide case never
 * reaches the helpdesk.
 */
final class GuideScenariosCheck implements RulesCheck {
  @Override
  public void check(RuleBook candidate) throws RulesException {
    List<RuleProblem> failed =
        ScenarioRunner.run(candidate, true, List.of()).stream()
            .filter(r -> !r.passed())
            .map(GuideScenariosCheck::problem)
            .toList();
    if (!failed.isEmpty()) {
      throw new RulesException(failed);
    }
  }

  private static RuleProblem problem(ScenarioResult r) {
    String file = r.feature().replaceFirst("^classpath:", "");
    return new RuleProblem(
        file, r.line(), 1, "scenario \"" + r.name() + "\" fails with these rules: " + r.problem());
  }
}
