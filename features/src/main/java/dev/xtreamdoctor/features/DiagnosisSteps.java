package dev.xtreamdoctor.features;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * Evaluating the facts, and what the diagnosis must say. A failed check says what was expected and
 * what the rules gave, in words support staff read in {@code rules test}.
 */
public class DiagnosisSteps {
  private final World world;
  private final ScenarioRules rules;

  public DiagnosisSteps(World world, ScenarioRules rules) {
    this.world = world;
    this.rules = rules;
  }

  @When("I evaluate the facts")
  public void evaluate() {
    world.diagnosed(rules.evaluate(world.facts().facts()));
  }

  @Then("the category is {word}")
  public void theCategoryIs(String category) {
    expect(
        category.equals(world.diagnosis().category()),
        "category",
        category,
        world.diagnosis().category());
  }

  @Then("the cause is {word}")
  public void theCauseIs(String cause) {
    expect(
        cause.equals(world.diagnosis().causeIds().get(0)),
        "cause",
        cause,
        world.diagnosis().causeIds().get(0));
  }

  @Then("the fixes include {string}")
  public void theFixesInclude(String text) {
    expect(
        world.diagnosis().fixes().stream().anyMatch(f -> f.contains(text)),
        "a fix containing",
        "\"" + text + "\"",
        "fixes:\n    " + String.join("\n    ", world.diagnosis().fixes()));
  }

  @Then("the evidence includes {string}")
  public void theEvidenceIncludes(String text) {
    expect(
        world.diagnosis().evidence().stream().anyMatch(e -> e.contains(text)),
        "evidence containing",
        "\"" + text + "\"",
        "evidence:\n    " + String.join("\n    ", world.diagnosis().evidence()));
  }

  @Then("there is a(n) {word} finding {word}")
  public void thereIsAFinding(String severity, String cause) {
    expect(
        world.diagnosis().findings().stream()
            .anyMatch(f -> f.causeId().equals(cause) && f.severity().equals(severity)),
        "finding",
        severity + " " + cause,
        "findings " + findings());
  }

  @Then("there is no finding {word}")
  public void thereIsNoFinding(String cause) {
    expect(
        world.diagnosis().findings().stream().noneMatch(f -> f.causeId().equals(cause)),
        "no finding",
        cause,
        "findings " + findings());
  }

  /** Fails the step with "expected WHAT X, got Y", plus the diagnosis in one line. */
  private void expect(boolean holds, String what, String expected, String got) {
    if (!holds) {
      throw new AssertionError(
          "expected "
              + what
              + " "
              + expected
              + ", got "
              + got
              + "\n  (diagnosis: "
              + world.diagnosis().summary()
              + " / findings "
              + findings()
              + ")");
    }
  }

  private String findings() {
    return world.diagnosis().findings().stream()
        .map(f -> f.severity() + " " + f.causeId())
        .toList()
        .toString();
  }
}
