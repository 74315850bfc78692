package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Latency;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Several TCP connects in a row (no HTTP, so the panel counts no request) for RTT and jitter. */
final class LatencyProbe {
  private final TcpProbe tcp;
  private final int samples;
  private final int timeoutMs;

  LatencyProbe(TcpProbe tcp, int samples, int timeoutMs) {
    this.tcp = tcp;
    this.samples = samples;
    this.timeoutMs = timeoutMs;
  }

  Latency sample(InetAddress address, int port, long deadlineNanos) throws NetworkRefusedException {
    List<Double> ms = new ArrayList<>();
    int failures = 0;
    int attempted = 0;
    for (int i = 0; i < samples; i++) {
      long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      attempted++;
      TcpProbe.Attempt a = tcp.attempt(address, port, (int) Math.min(timeoutMs, left));
      if (a.connected()) {
        ms.add(a.nanos() / 1e6);
      } else {
        failures++;
      }
    }
    return summarise(address.getHostAddress(), port, attempted, failures, ms);
  }

  static Latency summarise(String address, int port, int attempted, int failures, List<Double> ms) {
    if (ms.isEmpty()) {
      return new Latency(address, port, attempted, failures, 0, 0, 0, 0, 0);
    }
    double jitter = 0;
    for (int i = 1; i < ms.size(); i++) {
      jitter += Math.abs(ms.get(i) - ms.get(i - 1));
    }
    jitter = ms.size() > 1 ? jitter / (ms.size() - 1) : 0;
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return new Latency(
        address,
        port,
        attempted,
        failures,
        round(sorted.get(0)),
        round(percentile(sorted, 50)),
        round(percentile(sorted, 90)),
        round(sorted.get(sorted.size() - 1)),
        round(jitter));
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
