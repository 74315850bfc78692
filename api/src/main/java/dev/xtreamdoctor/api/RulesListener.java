package dev.xtreamdoctor.api;

/**
 * Told when a reload of the rules directory puts a new rule set in use or is refused (a host's
 * metrics count them; {@link XtreamDoctor#rules()} keeps only the latest state). Called on the
 * thread that reloaded, after the change; it must return quickly and not throw.
 */
public interface RulesListener {
  /** A new rule set is in use. */
  default void applied(RulesStatus now) {}

  /** A reload was refused; the rule set in use stayed. */
  default void refused(RulesStatus.FailedReload refused) {}

  /** Listens to nothing (the default). */
  static RulesListener none() {
    return new RulesListener() {};
  }
}
