package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Fact;
import java.util.List;

/** Tells a {@link ProbeListener}; a listener that throws never disturbs the diagnosis. */
final class Steps {
  private Steps() {}

  static void started(ProbeListener listener, String step) {
    try {
      listener.started(step);
    } catch (RuntimeException ignored) {
      // progress is a courtesy: the diagnosis goes on without it
    }
  }

  static void tell(ProbeListener listener, String step, List<Fact> observed) {
    try {
      listener.finished(step, List.copyOf(observed));
    } catch (RuntimeException ignored) {
      // progress is a courtesy: the diagnosis goes on without it
    }
  }
}
