package dev.xtreamdoctor.api;

import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RulesException;

/**
 * A check a freshly compiled rule set must pass before a reload puts it in use — the hook for
 * {@code rules test} (replaying the guide scenarios; the CLI's {@code serve} plugs it in when
 * {@code doctor.serve.reload-requires-rules-test} is true). The default accepts every rule set that
 * compiles.
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
