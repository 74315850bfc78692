package dev.xtreamdoctor.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. The
 * table is cleared when it grows past a bound, so a flood of new client addresses cannot eat the
 * heap (the worst that does is reset everyone's bucket to full).
 */
final class RateLimiter {
  private static final int MAX_CLIENTS = 10_000;

  private final double perNano;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int perSecond, int burst) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  /** Takes one request from the client's bucket; 0 when allowed, else seconds to wait. */
  int take(String client) {
    if (buckets.size() > MAX_CLIENTS) {
      buckets.clear();
    }
    long now = System.nanoTime();
    Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return (int) Math.max(1, Math.ceil((1 - b.tokens) / perNano / 1e9));
    }
  }
}
