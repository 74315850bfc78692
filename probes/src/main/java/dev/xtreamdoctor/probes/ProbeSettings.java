package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.config.DoctorConfig;
import java.util.List;

/**
 * What the probes need to know, as plain values: {@link #from(DoctorConfig)} maps the {@code
 * doctor.*} configuration onto it, {@link #defaults()} gives the same defaults without it.
 *
 * @param systemResolvers {@code doctor.dns.system-resolvers}: {@code ip} or {@code ip:port}; empty
 *     means the device's own resolvers (from /etc/resolv.conf or the OS)
 * @param publicResolvers {@code doctor.dns.public-resolvers}
 * @param dnsMs {@code doctor.timeout.dns-ms}: one DNS query
 * @param connectMs {@code doctor.timeout.connect-ms}: one TCP connect
 * @param readMs {@code doctor.timeout.read-ms}: the TLS handshake, and the wait for an HTTP answer
 * @param totalMs {@code doctor.timeout.total-ms}: the whole diagnosis
 * @param userAgent {@code doctor.http.user-agent}
 * @param maxBodyBytes {@code doctor.http.max-body-bytes}: cap on a body, after decompression
 * @param requestBudget {@code doctor.panel.request-budget}: HTTP requests one diagnosis may send
 * @param latencySamples {@code doctor.latency.samples}: TCP connects for round-trip time
 * @param loopbackOnly refuse every destination outside loopback (tests; also forced by the system
 *     property {@value NetworkGate#LOOPBACK_ONLY_PROPERTY})
 */
public record ProbeSettings(
    List<String> systemResolvers,
    List<String> publicResolvers,
    int dnsMs,
    int connectMs,
    int readMs,
    int totalMs,
    String userAgent,
    int maxBodyBytes,
    int requestBudget,
    int latencySamples,
    boolean loopbackOnly) {

  /** A player-like User-Agent: some panels and WAFs refuse clients they do not know. */
  public static final String DEFAULT_USER_AGENT = "VLC/3.0.21 LibVLC/3.0.21";

  public ProbeSettings {
    systemResolvers = List.copyOf(systemResolvers);
    publicResolvers = List.copyOf(publicResolvers);
    if (dnsMs <= 0 || connectMs <= 0 || readMs <= 0 || totalMs <= 0) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxBodyBytes <= 0 || requestBudget < 0 || latencySamples < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
  }

  public static ProbeSettings defaults() {
    return new ProbeSettings(
        List.of(), List.of("1.1.1.1", "8.8.8.8"), 3000, 5000, 10000, 30000, DEFAULT_USER_AGENT, 1 << 20, 6, 5,
        false);
  }

  /** The probes' part of the configuration. */
  public static ProbeSettings from(DoctorConfig config) {
    return new ProbeSettings(
        config.dns().systemResolvers().orElse(List.of()),
        config.dns().publicResolvers(),
        config.timeout().dnsMs(),
        config.timeout().connectMs(),
        config.timeout().readMs(),
        config.timeout().totalMs(),
        config.http().userAgent(),
        config.http().maxBodyBytes(),
        config.panel().requestBudget(),
        config.latency().samples(),
        false);
  }

  public ProbeSettings withResolvers(List<String> system, List<String> publicOnes) {
    return new ProbeSettings(
        system, publicOnes, dnsMs, connectMs, readMs, totalMs, userAgent, maxBodyBytes, requestBudget,
        latencySamples, loopbackOnly);
  }

  /** The same timeouts for DNS and TCP connects, as tests mostly want. */
  public ProbeSettings withTimeouts(int connect, int read, int total) {
    return new ProbeSettings(
        systemResolvers, publicResolvers, connect, connect, read, total, userAgent, maxBodyBytes, requestBudget,
        latencySamples, loopbackOnly);
  }

  public ProbeSettings withUserAgent(String agent) {
    return new ProbeSettings(
        systemResolvers, publicResolvers, dnsMs, connectMs, readMs, totalMs, agent, maxBodyBytes, requestBudget,
        latencySamples, loopbackOnly);
  }

  public ProbeSettings withLimits(int maxBody, int budget, int samples) {
    return new ProbeSettings(
        systemResolvers, publicResolvers, dnsMs, connectMs, readMs, totalMs, userAgent, maxBody, budget, samples,
        loopbackOnly);
  }

  public ProbeSettings withLoopbackOnly(boolean only) {
    return new ProbeSettings(
        systemResolvers, publicResolvers, dnsMs, connectMs, readMs, totalMs, userAgent, maxBodyBytes, requestBudget,
        latencySamples, only);
  }
}
