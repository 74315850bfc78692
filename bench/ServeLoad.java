// Load client for xtream-doctor serve (JDK only; run as: java bench/ServeLoad.java ...).
// Closed loop: CONCURRENCY workers send requests back to back until COUNT requests are done or
// SECONDS have passed, whichever comes first; prints throughput, latency percentiles and errors.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public class ServeLoad {
  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: ServeLoad URL TOKEN BODY_JSON COUNT SECONDS CONCURRENCY [WARMUP]");
      System.exit(2);
    }
    URI url = URI.create(args[0]);
    String token = args[1];
    String body = args[2];
    int count = Integer.parseInt(args[3]);
    long seconds = Long.parseLong(args[4]);
    int concurrency = Integer.parseInt(args[5]);
    int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 0;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    for (int i = 0; i < warmup; i++) {
      client.send(request, HttpResponse.BodyHandlers.discarding());
    }
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong firstError = new AtomicLong(-1);
    String[] errorText = new String[1];
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    CountDownLatch done = new CountDownLatch(concurrency);
    long start = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      Thread t = new Thread(() -> {
        try {
          int i;
          while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < count) {
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 200) {
                errors.incrementAndGet();
                if (firstError.compareAndSet(-1, r.statusCode())) {
                  errorText[0] = r.body();
                }
              }
            } catch (Exception e) {
              errors.incrementAndGet();
              if (firstError.compareAndSet(-1, 0)) {
                errorText[0] = e.toString();
              }
            }
            latencies[i] = System.nanoTime() - t0;
          }
        } finally {
          done.countDown();
        }
      });
      t.start();
    }
    done.await();
    long elapsed = System.nanoTime() - start;
    int n = Math.min(next.get(), count);
    long[] l = Arrays.copyOf(latencies, n);
    Arrays.sort(l);
    System.out.printf("requests=%d errors=%d seconds=%.2f throughput=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
        n, errors.get(), elapsed / 1e9, n / (elapsed / 1e9), pct(l, 50), pct(l, 90), pct(l, 99),
        l.length == 0 ? 0 : l[l.length - 1] / 1e6);
    if (errors.get() > 0) {
      System.out.println("first error: " + firstError.get() + " " + errorText[0]);
    }
  }

  static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, i)] / 1e6;
  }
}
