package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.Diagnosis;
import io.cucumber.java.Before;

/**
 * What one scenario has built so far, shared by every step class. Scenarios run one at a time
 * (Cucumber's default), and each starts from a fresh world.
 */
public final class World {
  static FactSheet facts = new FactSheet();
  static Diagnosis diagnosis;

  @Before(order = 0)
  public void freshWorld() {
    facts = new FactSheet();
    diagnosis = null;
  }

  static Diagnosis diagnosis() {
    if (diagnosis == null) {
      throw new IllegalStateException("nothing was evaluated yet: add a When step");
    }
    return diagnosis;
  }
}
