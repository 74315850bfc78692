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
    String frameAncestors) {

  public ServeSettings {
    tokens = List.copyOf(tokens);
    if (tokens.isEmpty() || tokens.stream().anyMatch(t -> t.length() < 16)) {
      throw new IllegalArgumentException(
          "doctor.serve.tokens must hold at least one token of 16 or more characters");
    }
    if (maxBodyBytes < 1024 || ratePerSecond < 1 || rateBurst < 1 || maxDiagnoses < 1 || maxEvaluations < 1
        || queueTimeoutMs < 0) {
      throw new IllegalArgumentException("doctor.serve limits must be positive (max-body-bytes at least 1024)");
    }
    if (frameAncestors.chars().anyMatch(c -> c == ';' || c == ',' || c < 0x20)) {
      throw new IllegalArgumentException("doctor.serve.frame-ancestors must be a CSP source list");
    }
  }

  /** The {@code doctor.serve.*} part of the configuration. */
  public static ServeSettings from(DoctorConfig.Serve c) {
    return new ServeSettings(
        c.host(), c.port(), c.tokens().orElse(List.of()), c.maxBodyBytes(), c.ratePerSecond(), c.rateBurst(),
        c.maxDiagnoses(), c.maxEvaluations(), c.queueTimeoutMs(), c.frameAncestors());
  }

  /** The same settings on another port. */
  public ServeSettings withPort(int p) {
    return new ServeSettings(host, p, tokens, maxBodyBytes, ratePerSecond, rateBurst, maxDiagnoses, maxEvaluations,
        queueTimeoutMs, frameAncestors);
  }

  /** The same settings with other rate limits. */
  public ServeSettings withRate(int perSecond, int burst) {
    return new ServeSettings(host, port, tokens, maxBodyBytes, perSecond, burst, maxDiagnoses, maxEvaluations,
        queueTimeoutMs, frameAncestors);
  }

  /** The same settings with other concurrency limits. */
  public ServeSettings withSlots(int diagnoses, int evaluations, int queueMs) {
    return new ServeSettings(host, port, tokens, maxBodyBytes, ratePerSecond, rateBurst, diagnoses, evaluations,
        queueMs, frameAncestors);
  }

  @Override
  public String toString() {
    return "ServeSettings[" + host + ":" + port + ", " + tokens.size() + " token(s)]";
  }
}
