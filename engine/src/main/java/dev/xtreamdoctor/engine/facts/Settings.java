package dev.xtreamdoctor.engine.facts;

/**
 * The configured thresholds, inserted into every session so rules read numbers from
 * configuration rather than hard-coding them.
 *
 * @param slowResponseMs an HTTP answer slower than this is "slow but working"
 * @param highLatencyMs a median connect time above this is "high latency"
 * @param expiryWarningDays warn when the subscription ends within this many days
 */
public record Settings(long slowResponseMs, long highLatencyMs, long expiryWarningDays) {
  public static Settings defaults() {
    return new Settings(3000, 300, 3);
  }
}
