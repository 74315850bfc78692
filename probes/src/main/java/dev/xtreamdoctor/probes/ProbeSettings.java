package dev.xtreamdoctor.probes;

import java.util.List;

/**
 * What the probes need to know, as plain values. The coordinator maps {@code DoctorConfig} (keys
 * {@code doctor.*}) onto this record; {@link #defaults()} gives the same defaults.
 *
 * @param systemResolvers {@code doctor.dns.system-resolvers}: {@code ip} or {@code ip:port}; empty
 *     means the device's own resolvers (from /etc/resolv.conf or the OS)
 * @param publicResolvers {@code doctor.dns.public-resolvers}
 * @param connectMs {@code doctor.timeout.connect-ms}: TCP connect, and each DNS query
 * @param readMs {@code doctor.timeout.read-ms}: TLS handshake, and the wait for each HTTP answer
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
    int connectMs,
    int readMs,
    int totalMs,
    String userAgent,
    int maxBodyBytes,
    int requestBudget,
    int latencySamples,
    boolean loopbackOnly) {

  /** A player-like User-Agent: some panels and WAFs refuse unknown clients. */
  public static final String DEFAULT_USER_AGENT = "VLC/3.0.21 LibVLC/3.0.21";

  public ProbeSettings {
    systemResolvers = List.copyOf(systemResolvers);
    publicResolvers = List.copyOf(publicResolvers);
    if (connectMs <= 0 || readMs <= 0 || totalMs <= 0) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxBodyBytes <= 0 || requestBudget < 0 || latencySamples < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
    userAgent = userAgent == null ? DEFAULT_USER_AGENT : userAgent;
  }

  public static ProbeSettings defaults() {
    return new ProbeSettings(
        List.of(), List.of("1.1.1.1", "8.8.8.8"), 3000, 8000, 20000, DEFAULT_USER_AGENT, 1 << 20, 6, 5, false);
  }

  public ProbeSettings withResolvers(List<String> system, List<String> publicOnes) {
    return new ProbeSettings(
        system, publicOnes, connectMs, readMs, totalMs, userAgent, maxBodyBytes, requestBudget, latencySamples, loopbackOnly);
  }

  public ProbeSettings withTimeouts(int connect, int read, int total) {
    return new ProbeSettings(
        systemResolvers, publicResolvers, connect, read, total, userAgent, maxBodyBytes, requestBudget, latencySamples, loopbackOnly);
  }

  public ProbeSettings withUserAgent(String agent) {
    return new ProbeSettings(
        systemResolvers, publicResolvers, connectMs, readMs, totalMs, agent, maxBodyBytes, requestBudget, latencySamples, loopbackOnly);
  }

  public ProbeSettings withLimits(int maxBody, int budget, int samples) {
    return new ProbeSettings(
        systemResolvers, publicResolvers, connectMs, readMs, totalMs, userAgent, maxBody, budget, samples, loopbackOnly);
  }

  public ProbeSettings withLoopbackOnly(boolean only) {
    return new ProbeSettings(
        systemResolvers, publicResolvers, connectMs, readMs, totalMs, userAgent, maxBodyBytes, requestBudget, latencySamples, only);
  }
}
