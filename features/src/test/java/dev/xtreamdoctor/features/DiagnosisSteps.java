package dev.xtreamdoctor.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.Diagnosis;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Evaluating the facts, and what the diagnosis must say. */
public class DiagnosisSteps {
  @When("I evaluate the facts")
  public void evaluate() {
    World.diagnosis = Doctor.ENGINE.evaluate(World.facts.facts());
  }

  @Then("the category is {word}")
  public void theCategoryIs(String category) {
    assertEquals(category, World.diagnosis().category(), summary());
  }

  @Then("the cause is {word}")
  public void theCauseIs(String cause) {
    assertEquals(cause, World.diagnosis().causeIds().get(0), summary());
  }

  @Then("the fixes include {string}")
  public void theFixesInclude(String text) {
    assertTrue(
        World.diagnosis().fixes().stream().anyMatch(f -> f.contains(text)),
        "no fix contains \"" + text + "\"; the fixes are:\n  " + String.join("\n  ", World.diagnosis().fixes()));
  }

  @Then("the evidence includes {string}")
  public void theEvidenceIncludes(String text) {
    assertTrue(
        World.diagnosis().evidence().stream().anyMatch(e -> e.contains(text)),
        "no evidence contains \"" + text + "\"; the evidence is:\n  " + String.join("\n  ", World.diagnosis().evidence()));
  }

  @Then("there is a(n) {word} finding {word}")
  public void thereIsAFinding(String severity, String cause) {
    assertTrue(
        World.diagnosis().findings().stream().anyMatch(f -> f.causeId().equals(cause) && f.severity().equals(severity)),
        "no " + severity + " finding " + cause + "; " + summary());
  }

  @Then("there is no finding {word}")
  public void thereIsNoFinding(String cause) {
    assertTrue(
        World.diagnosis().findings().stream().noneMatch(f -> f.causeId().equals(cause)), "a finding " + cause + "; " + summary());
  }

  private static String summary() {
    Diagnosis d = World.diagnosis();
    return d.summary()
        + " / findings: "
        + d.findings().stream().map(f -> f.severity() + " " + f.causeId()).toList();
  }
}
