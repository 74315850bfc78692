package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Fact;
import java.util.List;

/**
 * Told as one diagnosis goes along the path of a login, for live progress: which step started, and
 * what it observed when it finished. A listener only watches; what a layer's outcome means is still
 * for the rules to decide, after every step. Called from the probes' threads: it must be quick,
 * thread-safe and never throw (what it throws is ignored).
 *
 * <p>The steps, in the order they may come: {@code input} (what was typed, read), {@code dns},
 * {@code tcp}, {@code tls} (https only), {@code login} (the login request, its redirects and the
 * panel's answer), {@code comparison} (the login once more through a public resolver's address,
 * only when the app's path failed before the panel). A step that does not apply never starts.
 */
public interface ProbeListener {
  /** A listener that does nothing. */
  ProbeListener NONE = new ProbeListener() {};

  /** A step started. */
  default void started(String step) {}

  /**
   * A step finished.
   *
   * @param step the step
   * @param observed the facts it observed (may be empty when it failed early)
   */
  default void finished(String step, List<Fact> observed) {}
}
