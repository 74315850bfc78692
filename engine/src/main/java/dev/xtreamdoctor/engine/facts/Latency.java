package dev.xtreamdoctor.engine.facts;

/**
 * TCP connect samples to the server's port (not logins), for round-trip time and jitter.
 *
 * @param address the IP address sampled
 * @param port the port
 * @param samples connects attempted
 * @param failures connects that failed
 * @param minMs fastest connect, milliseconds
 * @param medianMs median connect, milliseconds
 * @param p90Ms 90th percentile, milliseconds
 * @param maxMs slowest connect, milliseconds
 * @param jitterMs mean absolute difference between consecutive samples, milliseconds
 */
public record Latency(
    String address,
    int port,
    int samples,
    int failures,
    double minMs,
    double medianMs,
    double p90Ms,
    double maxMs,
    double jitterMs)
    implements Fact {}
