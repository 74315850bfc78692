package dev.xtreamdoctor.service;

import java.util.List;
import java.util.Optional;

/**
 * The service's limits, as plain values ({@code doctor.serve.*}).
 *
 * @param host the address to listen on
 * @param port the port to listen on, 0 for any free one
 * @param tokens the bearer tokens accepted; must not be empty
 * @param maxBodyBytes the largest request body accepted
 * @param ratePerSecond requests one client may send per second, sustained
 * @param rateBurst requests one client may send at once
 * @param maxDiagnoses diagnoses running at once
 * @param maxEvaluations evaluations running at once
 * @param queueTimeoutMs how long a request waits for a slot before 503
 * @param frameAncestors the CSP frame-ancestors of the helpdesk page
 * @param connections what one connection and one client address may hold
 * @param politeness how often any caller's diagnoses may log in to one panel
 */
public record ServeSettings(
    String host,
    int port,
    List<String> tokens,
    int maxBodyBytes,
    int ratePerSecond,
    int rateBurst,
    int maxDiagnoses,
    int maxEvaluations,
    int queueTimeoutMs,
    String frameAncestors,
    Connections connections,
    Politeness politeness) {

  /**
   * Limits on connections, enforced by the server before a request reaches the service.
   *
   * @param maxRequestHeaderBytes the request line and headers together (larger: 431)
   * @param maxRequestHeaders header fields in one request (more: 431)
   * @param headerTimeoutMs a request's line and headers must arrive within this, counted from the
   *     connection's opening or the request's first byte (else the connection is closed)
   * @param idleTimeoutMs a connection with nothing to read or write is closed after this
   * @param maxConnections connections open at once; further ones wait in the accept queue
   * @param maxConnectionsPerClient connections open at once from one client address; further ones
   *     are closed at once
   */
  public record Connections(
      int maxRequestHeaderBytes,
      int maxRequestHeaders,
      int headerTimeoutMs,
      int idleTimeoutMs,
      int maxConnections,
      int maxConnectionsPerClient) {
    public static Connections defaults() {
      return new Connections(8192, 200, 10_000, 30_000, 512, 32);
    }

    public Connections {
      atLeast("doctor.serve.max-request-header-bytes", maxRequestHeaderBytes, 1024);
      atLeast("doctor.serve.max-request-headers", maxRequestHeaders, 16);
      atLeast("doctor.serve.header-timeout-ms", headerTimeoutMs, 100);
      atLeast("doctor.serve.idle-timeout-ms", idleTimeoutMs, 100);
      atLeast("doctor.serve.max-connections", maxConnections, 1);
      atLeast("doctor.serve.max-connections-per-client", maxConnectionsPerClient, 1);
    }
  }

  /**
   * The budget one {@code serve} (or all replicas sharing {@code redisUrl}) keeps per panel host,
   * whoever asks: real panels ban the address that sends too many logins or too many distinct
   * usernames (reference xtream-api.md §2.4: XUI bans at 10 usernames in 5 minutes, XC2 at 40
   * requests less than 2 s apart), and the helpdesk's address is the one they would ban.
   *
   * @param maxLogins logins to one panel host within {@code windowMs}
   * @param windowMs the window of {@code maxLogins}
   * @param minIntervalMs the least time between two logins to one panel host
   * @param waitMs how long a diagnosis waits for its turn at a panel before 429
   * @param verdictCacheMs how long what a diagnosis observed answers the same line again (server,
   *     username and password), marked as cached; 0: never
   * @param redisUrl the Redis holding the budget and cache shared by several replicas ({@code
   *     redis://host:port}); empty: this process alone
   */
  public record Politeness(
      int maxLogins,
      long windowMs,
      long minIntervalMs,
      long waitMs,
      long verdictCacheMs,
      Optional<String> redisUrl) {
    public static Politeness defaults() {
      return new Politeness(4, 300_000, 3_000, 20_000, 120_000, Optional.empty());
    }

    public Politeness {
      atLeast("doctor.serve.panel-max-logins", maxLogins, 1);
      atLeast("doctor.serve.panel-window-ms", windowMs, 1);
      atLeast("doctor.serve.panel-min-interval-ms", minIntervalMs, 0);
      atLeast("doctor.serve.panel-wait-ms", waitMs, 0);
      atLeast("doctor.serve.verdict-cache-ms", verdictCacheMs, 0);
      redisUrl = redisUrl.map(String::strip).filter(u -> !u.isEmpty());
      if (redisUrl.isPresent() && !redisUrl.get().matches("rediss?://[^\\s]+")) {
        throw new IllegalArgumentException(
            "doctor.serve.redis-url must be redis://host:port (or rediss://), not \""
                + redisUrl.get().replaceAll(":[^:@/]*@", ":***@")
                + "\"");
      }
    }

    /** The same budget shared through this Redis. */
    public Politeness withRedis(String url) {
      return new Politeness(
          maxLogins, windowMs, minIntervalMs, waitMs, verdictCacheMs, Optional.of(url));
    }
  }

  /** Settings with the default connection limits and politeness. */
  public ServeSettings(
      String host,
      int port,
      List<String> tokens,
      int maxBodyBytes,
      int ratePerSecond,
      int rateBurst,
      int maxDiagnoses,
      int maxEvaluations,
      int queueTimeoutMs,
      String frameAncestors) {
    this(
        host,
        port,
        tokens,
        maxBodyBytes,
        ratePerSecond,
        rateBurst,
        maxDiagnoses,
        maxEvaluations,
        queueTimeoutMs,
        frameAncestors,
        Connections.defaults(),
        Politeness.defaults());
  }

  public ServeSettings {
    tokens = List.copyOf(tokens);
    if (tokens.isEmpty() || tokens.stream().anyMatch(t -> t.length() < 16)) {
      throw new IllegalArgumentException(
          "doctor.serve.tokens must hold at least one token of 16 or more characters");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "doctor.serve.port must be between 0 and 65535, not " + port);
    }
    atLeast("doctor.serve.max-body-bytes", maxBodyBytes, 1024);
    atLeast("doctor.serve.rate-per-second", ratePerSecond, 1);
    atLeast("doctor.serve.rate-burst", rateBurst, 1);
    atLeast("doctor.serve.max-diagnoses", maxDiagnoses, 1);
    atLeast("doctor.serve.max-evaluations", maxEvaluations, 1);
    atLeast("doctor.serve.queue-timeout-ms", queueTimeoutMs, 0);
    if (frameAncestors.chars().anyMatch(c -> c == ';' || c == ',' || c < 0x20)) {
      throw new IllegalArgumentException("doctor.serve.frame-ancestors must be a CSP source list");
    }
  }

  static void atLeast(String key, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(key + " must be at least " + min + ", not " + value);
    }
  }

  /** The {@code doctor.serve.*} part of the configuration. */
  public static ServeSettings from(ServeConfig c) {
    return new ServeSettings(
        c.host(),
        c.port(),
        c.tokens().orElse(List.of()),
        c.maxBodyBytes(),
        c.ratePerSecond(),
        c.rateBurst(),
        c.maxDiagnoses(),
        c.maxEvaluations(),
        c.queueTimeoutMs(),
        c.frameAncestors(),
        new Connections(
            c.maxRequestHeaderBytes(),
            c.maxRequestHeaders(),
            c.headerTimeoutMs(),
            c.idleTimeoutMs(),
            c.maxConnections(),
            c.maxConnectionsPerClient()),
        new Politeness(
            c.panelMaxLogins(),
            c.panelWindowMs(),
            c.panelMinIntervalMs(),
            c.panelWaitMs(),
            c.verdictCacheMs(),
            c.redisUrl()));
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The same settings on another port. */
  public ServeSettings withPort(int p) {
    return toBuilder().port(p).build();
  }

  /** The same settings with other rate limits. */
  public ServeSettings withRate(int perSecond, int burst) {
    return toBuilder().rate(perSecond, burst).build();
  }

  /** The same settings with other concurrency limits. */
  public ServeSettings withSlots(int diagnoses, int evaluations, int queueMs) {
    return toBuilder().slots(diagnoses, evaluations, queueMs).build();
  }

  /** The same settings with other connection limits. */
  public ServeSettings withConnections(Connections c) {
    return toBuilder().connections(c).build();
  }

  /** The same settings with another politeness budget. */
  public ServeSettings withPoliteness(Politeness p) {
    return toBuilder().politeness(p).build();
  }

  /** Settings changed a few values at a time; {@link #build} checks them as the record does. */
  public static final class Builder {
    private final String host;
    private int port;
    private final List<String> tokens;
    private final int maxBodyBytes;
    private int ratePerSecond;
    private int rateBurst;
    private int maxDiagnoses;
    private int maxEvaluations;
    private int queueTimeoutMs;
    private final String frameAncestors;
    private Connections connections;
    private Politeness politeness;

    private Builder(ServeSettings s) {
      host = s.host;
      port = s.port;
      tokens = s.tokens;
      maxBodyBytes = s.maxBodyBytes;
      ratePerSecond = s.ratePerSecond;
      rateBurst = s.rateBurst;
      maxDiagnoses = s.maxDiagnoses;
      maxEvaluations = s.maxEvaluations;
      queueTimeoutMs = s.queueTimeoutMs;
      frameAncestors = s.frameAncestors;
      connections = s.connections;
      politeness = s.politeness;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder rate(int perSecond, int burst) {
      ratePerSecond = perSecond;
      rateBurst = burst;
      return this;
    }

    public Builder slots(int diagnoses, int evaluations, int queueMs) {
      maxDiagnoses = diagnoses;
      maxEvaluations = evaluations;
      queueTimeoutMs = queueMs;
      return this;
    }

    public Builder connections(Connections value) {
      connections = value;
      return this;
    }

    public Builder politeness(Politeness value) {
      politeness = value;
      return this;
    }

    public ServeSettings build() {
      return new ServeSettings(
          host,
          port,
          tokens,
          maxBodyBytes,
          ratePerSecond,
          rateBurst,
          maxDiagnoses,
          maxEvaluations,
          queueTimeoutMs,
          frameAncestors,
          connections,
          politeness);
    }
  }

  @Override
  public String toString() {
    return "ServeSettings[" + host + ":" + port + ", " + tokens.size() + " token(s)]";
  }
}
