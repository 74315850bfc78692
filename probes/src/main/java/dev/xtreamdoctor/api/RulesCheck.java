package dev.xtreamdoctor.api;

import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RulesException;

/**
 * A check a freshly compiled rule set must pass before a reload puts it in use — the hook for
 * {@code rules test} (replaying the guide scenarios). Until that runner exists on main, the
 * default check accepts every rule set that compiles.
 */
@FunctionalInterface
public interface RulesCheck {
  /**
   * Throws when the rule set must not be used.
   *
   * @throws RulesException listing what failed, with file:line:col where known
   */
  void check(RuleBook candidate) throws RulesException;

  /** Accepts every rule set that compiled. */
  static RulesCheck compilesOnly() {
    return candidate -> {};
  }
}
