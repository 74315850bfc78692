package dev.xtreamdoctor.probes;

/**
 * One step of a diagnosis, the one signature every probe runs behind (as blackbox_exporter's {@code
 * ProbeFn}): it looks at one thing, adds the facts it observed to the context as they come (so a
 * deadline that cuts the run short keeps them, as blackbox's probes write to their registry), and
 * tells the context what the steps after it need (the addresses chosen, the server reached). It
 * observes only: what a fact means is for the rules.
 *
 * <p>{@link ProbeRun} walks {@link ProbeChain#STEPS} in order and runs each step that applies
 * through {@link Observations}' guard: a crash becomes a ProbeProblem under {@link #probe()}, never
 * a fact about the user's line, and the step's time is summed under that name. Adding a probe is a
 * class implementing this and its line in the chain.
 */
interface ProbeStep {
  /**
   * The probe it runs (dns, tcp, tls, http, latency): the name its crashes are reported under and
   * its time is summed under ({@code --timing}). A probe the step calls besides its own goes
   * through {@link ProbeContext#guard}, and its time is counted there, not twice.
   */
  String probe();

  /**
   * The step of the login's path a {@link ProbeListener} hears it as (one of the steps it
   * documents), or "" for a look the listener does not hear.
   */
  default String heardAs() {
    return probe();
  }

  /**
   * Whether it runs beside the path, on a thread of its own, instead of in turn (the run waits for
   * it, within the deadline, before it ends).
   */
  default boolean beside() {
    return false;
  }

  /** Whether it runs, given what the steps before it learned. */
  boolean appliesTo(ProbeContext context);

  /** Observes; facts go to {@link ProbeContext#observed}, what later steps need to the context. */
  void run(ProbeContext context) throws Exception;
}
