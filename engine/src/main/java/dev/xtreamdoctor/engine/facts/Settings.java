package dev.xtreamdoctor.engine.facts;

import java.util.List;

/**
 * The configured thresholds, inserted into every session so rules read numbers from configuration
 * rather than hard-coding them.
 *
 * @param slowResponseMs an HTTP answer slower than this is "slow but working"
 * @param highLatencyMs a median connect time above this is "high latency"
 * @param expiryWarningDays warn when the subscription ends within this many days
 * @param peakHours the hours of the day (0 to 23) that count as peak hours, when most people watch:
 *     evenings and live events
 */
public record Settings(
    long slowResponseMs, long highLatencyMs, long expiryWarningDays, List<Integer> peakHours) {
  /** The default peak: 18:00 to 23:59. */
  public static final List<Integer> EVENING = List.of(18, 19, 20, 21, 22, 23);

  public Settings {
    peakHours = List.copyOf(peakHours);
  }

  /** Thresholds with the default peak hours. */
  public Settings(long slowResponseMs, long highLatencyMs, long expiryWarningDays) {
    this(slowResponseMs, highLatencyMs, expiryWarningDays, EVENING);
  }

  public static Settings defaults() {
    return new Settings(3000, 300, 3);
  }
}
