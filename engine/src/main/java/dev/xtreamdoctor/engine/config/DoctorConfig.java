package dev.xtreamdoctor.engine.config;

import dev.xtreamdoctor.engine.RuleLimits;
import dev.xtreamdoctor.engine.facts.Settings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every tunable number of xtream-doctor, under the {@code doctor.} prefix. Each key can be set,
 * highest precedence first, by a system property ({@code -Ddoctor.timeout.connect-ms=3000}), an
 * environment variable ({@code DOCTOR_TIMEOUT_CONNECT_MS=3000}), a properties file given with
 * {@code --config FILE}, or left at the default written here. Scripts rely on these names: do not
 * rename them.
 */
@ConfigMapping(prefix = "doctor")
public interface DoctorConfig {

  /** Loads the configuration, with an optional properties file between env and defaults. */
  static DoctorConfig load(Optional<Path> configFile) throws ConfigException {
    return Configuration.load(configFile, List.of()).doctor();
  }

  Dns dns();

  Timeout timeout();

  Thresholds thresholds();

  Http http();

  Panel panel();

  Latency latency();

  Rules rules();

  Cache cache();

  Watch watch();

  /** The thresholds the rules read, as the fact inserted into every diagnosis. */
  default Settings settings() {
    Thresholds t = thresholds();
    return new Settings(
        t.slowResponseMs(),
        t.highLatencyMs(),
        t.expiryWarningDays(),
        HourSet.parse(watch().peakHours()));
  }

  /** Watching a line over time ({@code xtream-doctor watch}) and what its history means. */
  interface Watch {
    /**
     * {@code doctor.watch.min-interval}: the shortest spacing {@code watch --every} accepts (each
     * check is one login; panels ban addresses that log in too often).
     */
    @WithDefault("60s")
    String minInterval();

    /**
     * {@code doctor.watch.peak-hours}: the hours of the day that count as peak hours (evenings,
     * live events), for the rules over a history; {@code 20-1} runs past midnight.
     */
    @WithDefault("18-23")
    String peakHours();
  }

  /** Which resolvers to ask. */
  interface Dns {
    /**
     * {@code doctor.dns.system-resolvers}: the resolvers the user's device uses, comma-separated
     * {@code host[:port]}. Empty (the default) reads them from the operating system.
     */
    Optional<List<String>> systemResolvers();

    /** {@code doctor.dns.public-resolvers}: resolvers to compare against. */
    @WithDefault("1.1.1.1,8.8.8.8")
    List<String> publicResolvers();
  }

  /** Time limits, in milliseconds. */
  interface Timeout {
    /** {@code doctor.timeout.dns-ms}: one DNS query. */
    @WithDefault("3000")
    int dnsMs();

    /** {@code doctor.timeout.connect-ms}: one TCP connect (and TLS handshake). */
    @WithDefault("5000")
    int connectMs();

    /** {@code doctor.timeout.read-ms}: waiting for the HTTP answer's headers. */
    @WithDefault("10000")
    int readMs();

    /** {@code doctor.timeout.total-ms}: the whole diagnosis. */
    @WithDefault("30000")
    int totalMs();
  }

  /** Where the rules draw lines; fed to the rules as {@link Settings}. */
  interface Thresholds {
    /** {@code doctor.thresholds.slow-response-ms}: an answer slower than this is "slow". */
    @WithDefault("3000")
    long slowResponseMs();

    /** {@code doctor.thresholds.high-latency-ms}: a median connect above this is "high". */
    @WithDefault("300")
    long highLatencyMs();

    /** {@code doctor.thresholds.expiry-warning-days}: warn when the line ends this soon. */
    @WithDefault("3")
    long expiryWarningDays();
  }

  /** How the HTTP probe talks to the panel. */
  interface Http {
    /**
     * {@code doctor.http.user-agent}: sent with every request, never rotated; player-like, because
     * some panels refuse unknown clients.
     */
    @WithDefault("VLC/3.0.21 LibVLC/3.0.21")
    String userAgent();

    /** {@code doctor.http.max-body-bytes}: read at most this much of an answer (1 MiB). */
    @WithDefault("1048576")
    int maxBodyBytes();
  }

  /** Politeness towards the panel. */
  interface Panel {
    /** {@code doctor.panel.request-budget}: the most HTTP requests one diagnosis sends. */
    @WithDefault("6")
    int requestBudget();
  }

  /** The latency probe. */
  interface Latency {
    /** {@code doctor.latency.samples}: TCP connects to time (they count toward the budget). */
    @WithDefault("5")
    int samples();
  }

  /** The limits every evaluation of the rules runs under (see {@link RuleLimits}). */
  default RuleLimits limits() {
    return new RuleLimits(rules().maxFirings(), Duration.ofMillis(rules().deadlineMs()));
  }

  /** Which rules to use, and how far one evaluation of them may go. */
  interface Rules {
    /** {@code doctor.rules.dir}: a rules directory instead of the bundled rules. */
    Optional<Path> dir();

    /**
     * {@code doctor.rules.max-firings}: the most rule firings one evaluation may make; a rule that
     * keeps re-triggering itself is stopped there with an error naming it.
     */
    @WithDefault("10000")
    int maxFirings();

    /**
     * {@code doctor.rules.deadline-ms}: how long one evaluation may run; a rule set still firing
     * then, or a then part that never returns, ends that evaluation with an error. Generous: a
     * first evaluation on a cold, busy machine takes a few hundred ms; a loop meets the firing
     * limit long before.
     */
    @WithDefault("5000")
    long deadlineMs();
  }

  /** Compiled rules kept between runs, so a command-line start skips compiling them. */
  interface Cache {
    /** {@code doctor.cache.enabled}: whether to keep compiled rules on disk. */
    @WithDefault("true")
    boolean enabled();

    /**
     * {@code doctor.cache.dir}: where; by default {@code $XDG_CACHE_HOME/xtream-doctor}, else
     * {@code ~/.cache/xtream-doctor}.
     */
    Optional<Path> dir();
  }
}
