package dev.xtreamdoctor.engine;

import java.time.Duration;

/**
 * How far one evaluation may go before it is stopped with a {@link RulesFailedException}: a rule
 * that keeps re-triggering itself (a {@code modify}/{@code update} loop, a rule whose finding
 * matches its own when part) or a then part that never returns must cost one evaluation an error,
 * never the process a hang or its memory.
 *
 * @param maxFirings the most rule firings one evaluation may make ({@code
 *     doctor.rules.max-firings}); the bundled rules make about 10 to 40
 * @param deadline how long one evaluation may run ({@code doctor.rules.deadline-ms})
 */
public record RuleLimits(int maxFirings, Duration deadline) {
  public static final int DEFAULT_MAX_FIRINGS = 10_000;
  public static final long DEFAULT_DEADLINE_MS = 5_000;

  public RuleLimits {
    if (maxFirings <= 0) {
      throw new IllegalArgumentException("maxFirings must be positive, not " + maxFirings);
    }
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive, not " + deadline);
    }
  }

  /**
   * The least time the checks before use give one evaluation: they evaluate a freshly compiled set,
   * whose first evaluations are the slowest, and a slow machine must not refuse good rules.
   */
  static final Duration LEAST_CHECK_DEADLINE = Duration.ofSeconds(10);

  /**
   * These limits for the checks before use: the same firing limit, at least {@link
   * #LEAST_CHECK_DEADLINE}.
   */
  RuleLimits forChecks() {
    return deadline.compareTo(LEAST_CHECK_DEADLINE) >= 0
        ? this
        : new RuleLimits(maxFirings, LEAST_CHECK_DEADLINE);
  }

  public static RuleLimits defaults() {
    return new RuleLimits(DEFAULT_MAX_FIRINGS, Duration.ofMillis(DEFAULT_DEADLINE_MS));
  }
}
