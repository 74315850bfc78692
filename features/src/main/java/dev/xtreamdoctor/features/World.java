package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.Diagnosis;

/**
 * What one scenario has built so far, shared by every step class of that scenario. Cucumber's
 * object factory ({@link ScenarioObjects}, on picocontainer) makes one World per scenario and hands
 * it to each step class's constructor, so nothing a scenario builds outlives it or leaks into the
 * next.
 */
public final class World {
  private final FactSheet facts = new FactSheet();
  private Diagnosis diagnosis;

  /** The facts the Given-steps build. */
  FactSheet facts() {
    return facts;
  }

  /** The diagnosis a When-step made, for the Then-steps. */
  void diagnosed(Diagnosis d) {
    diagnosis = d;
  }

  boolean hasDiagnosis() {
    return diagnosis != null;
  }

  Diagnosis diagnosis() {
    if (diagnosis == null) {
      throw new IllegalStateException("nothing was evaluated yet: add a When step");
    }
    return diagnosis;
  }
}
