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
    return new Builder().build();
  }

  /** The defaults, to change some of them. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The probes' part of the configuration. */
  public static ProbeSettings from(DoctorConfig config) {
    return builder()
        .resolvers(config.dns().systemResolvers().orElse(List.of()), config.dns().publicResolvers())
        .dnsMs(config.timeout().dnsMs())
        .connectMs(config.timeout().connectMs())
        .readMs(config.timeout().readMs())
        .totalMs(config.timeout().totalMs())
        .userAgent(config.http().userAgent())
        .limits(
            config.http().maxBodyBytes(),
            config.panel().requestBudget(),
            config.latency().samples())
        .build();
  }

  public ProbeSettings withResolvers(List<String> system, List<String> publicOnes) {
    return toBuilder().resolvers(system, publicOnes).build();
  }

  /** The same timeouts for DNS and TCP connects, as tests mostly want. */
  public ProbeSettings withTimeouts(int connect, int read, int total) {
    return toBuilder().dnsMs(connect).connectMs(connect).readMs(read).totalMs(total).build();
  }

  public ProbeSettings withUserAgent(String agent) {
    return toBuilder().userAgent(agent).build();
  }

  public ProbeSettings withLimits(int maxBody, int budget, int samples) {
    return toBuilder().limits(maxBody, budget, samples).build();
  }

  public ProbeSettings withLoopbackOnly(boolean only) {
    return toBuilder().loopbackOnly(only).build();
  }

  /** The settings one value at a time, starting from the defaults. */
  public static final class Builder {
    private List<String> systemResolvers = List.of();
    private List<String> publicResolvers = List.of("1.1.1.1", "8.8.8.8");
    private int dnsMs = 3000;
    private int connectMs = 5000;
    private int readMs = 10000;
    private int totalMs = 30000;
    private String userAgent = DEFAULT_USER_AGENT;
    private int maxBodyBytes = 1 << 20;
    private int requestBudget = 6;
    private int latencySamples = 5;
    private boolean loopbackOnly;

    private Builder() {}

    private Builder(ProbeSettings s) {
      systemResolvers = s.systemResolvers;
      publicResolvers = s.publicResolvers;
      dnsMs = s.dnsMs;
      connectMs = s.connectMs;
      readMs = s.readMs;
      totalMs = s.totalMs;
      userAgent = s.userAgent;
      maxBodyBytes = s.maxBodyBytes;
      requestBudget = s.requestBudget;
      latencySamples = s.latencySamples;
      loopbackOnly = s.loopbackOnly;
    }

    public Builder resolvers(List<String> system, List<String> publicOnes) {
      systemResolvers = system;
      publicResolvers = publicOnes;
      return this;
    }

    public Builder dnsMs(int value) {
      dnsMs = value;
      return this;
    }

    public Builder connectMs(int value) {
      connectMs = value;
      return this;
    }

    public Builder readMs(int value) {
      readMs = value;
      return this;
    }

    public Builder totalMs(int value) {
      totalMs = value;
      return this;
    }

    public Builder userAgent(String value) {
      userAgent = value;
      return this;
    }

    public Builder limits(int maxBody, int budget, int samples) {
      maxBodyBytes = maxBody;
      requestBudget = budget;
      latencySamples = samples;
      return this;
    }

    public Builder loopbackOnly(boolean value) {
      loopbackOnly = value;
      return this;
    }

    public ProbeSettings build() {
      return new ProbeSettings(
          systemResolvers,
          publicResolvers,
          dnsMs,
          connectMs,
          readMs,
          totalMs,
          userAgent,
          maxBodyBytes,
          requestBudget,
          latencySamples,
          loopbackOnly);
    }
  }
}
