package dev.xtreamdoctor.service;

import dev.xtreamdoctor.engine.config.DoctorConfig;
import java.util.List;

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
    Connections connections) {

  /**
   * Limits on connections, enforced by the server before a request reaches the service.
   *
   * @param maxRequestHeaderBytes the request line and headers together (larger: 431)
   * @param maxRequestHeaders header fields in one request (more: 431)
   * @param headerTimeoutMs a request's line and headers must arrive within this, counted from
   *     the connection's opening or the request's first byte (else the connection is closed)
   * @param idleTimeoutMs a connection with nothing to read or write is closed after this
   * @param maxConnections connections open at once; further ones wait in the accept queue
   * @param maxConnectionsPerClient connections open at once from one client address; further
   *     ones are closed at once
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

  /** Settings with the default connection limits. */
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
    this(host, port, tokens, maxBodyBytes, ratePerSecond, rateBurst, maxDiagnoses, maxEvaluations, queueTimeoutMs,
        frameAncestors, Connections.defaults());
  }

  public ServeSettings {
    tokens = List.copyOf(tokens);
    if (tokens.isEmpty() || tokens.stream().anyMatch(t -> t.length() < 16)) {
      throw new IllegalArgumentException(
          "doctor.serve.tokens must hold at least one token of 16 or more characters");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("doctor.serve.port must be between 0 and 65535, not " + port);
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
  public static ServeSettings from(DoctorConfig.Serve c) {
    return new ServeSettings(
        c.host(), c.port(), c.tokens().orElse(List.of()), c.maxBodyBytes(), c.ratePerSecond(), c.rateBurst(),
        c.maxDiagnoses(), c.maxEvaluations(), c.queueTimeoutMs(), c.frameAncestors(),
        new Connections(c.maxRequestHeaderBytes(), c.maxRequestHeaders(), c.headerTimeoutMs(), c.idleTimeoutMs(),
            c.maxConnections(), c.maxConnectionsPerClient()));
  }

  /** The same settings on another port. */
  public ServeSettings withPort(int p) {
    return new ServeSettings(host, p, tokens, maxBodyBytes, ratePerSecond, rateBurst, maxDiagnoses, maxEvaluations,
        queueTimeoutMs, frameAncestors, connections);
  }

  /** The same settings with other rate limits. */
  public ServeSettings withRate(int perSecond, int burst) {
    return new ServeSettings(host, port, tokens, maxBodyBytes, perSecond, burst, maxDiagnoses, maxEvaluations,
        queueTimeoutMs, frameAncestors, connections);
  }

  /** The same settings with other concurrency limits. */
  public ServeSettings withSlots(int diagnoses, int evaluations, int queueMs) {
    return new ServeSettings(host, port, tokens, maxBodyBytes, ratePerSecond, rateBurst, diagnoses, evaluations,
        queueMs, frameAncestors, connections);
  }

  /** The same settings with other connection limits. */
  public ServeSettings withConnections(Connections c) {
    return new ServeSettings(host, port, tokens, maxBodyBytes, ratePerSecond, rateBurst, maxDiagnoses, maxEvaluations,
        queueTimeoutMs, frameAncestors, c);
  }

  @Override
  public String toString() {
    return "ServeSettings[" + host + ":" + port + ", " + tokens.size() + " token(s)]";
  }
}
