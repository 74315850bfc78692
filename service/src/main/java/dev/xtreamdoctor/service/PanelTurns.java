package dev.xtreamdoctor.service;

import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.PanelRequests;
import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.ParsedServer;
import dev.xtreamdoctor.probes.ServerInputParser;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Politeness towards panels, shared by every caller of one {@code serve} (and, through Redis, of
 * its replicas): at most one diagnosis at a time logs in to a panel host, logins to it are spaced
 * by {@code minIntervalMs} and number at most {@code maxLogins} in {@code windowMs}, and the same
 * line asked again within {@code verdictCacheMs} is answered from what was observed then, without a
 * request to the panel.
 */
final class PanelTurns implements AutoCloseable {
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final long POLL_MS = 50;

  private final BudgetStore store;
  private final ServeSettings.Politeness budget;
  private final long holdMillis;
  private final int maxWaiting;
  private final int maxWaitingInAll;
  private final byte[] cacheKey;
  private final Map<String, Integer> waiting = new ConcurrentHashMap<>();
  private final AtomicInteger waitingInAll = new AtomicInteger();
  private final ServiceMetrics metrics;

  /**
   * @param holdMillis how long a turn is held at most if its holder vanishes (a diagnosis's
   *     deadline and a margin)
   * @param maxWaiting callers that may wait at once for one panel; more are answered 429 at once
   * @param maxWaitingInAll callers that may wait at once for any panel (each holds a server thread
   *     meanwhile); more are answered 503 at once
   * @param cacheKey the key of the line hashes in the cache (replicas sharing a cache share it)
   */
  PanelTurns(
      BudgetStore store,
      ServeSettings.Politeness budget,
      long holdMillis,
      int maxWaiting,
      int maxWaitingInAll,
      byte[] cacheKey,
      ServiceMetrics metrics) {
    this.metrics = metrics;
    this.store = store;
    this.budget = budget;
    this.holdMillis = holdMillis;
    this.maxWaiting = maxWaiting;
    this.maxWaitingInAll = maxWaitingInAll;
    this.cacheKey = cacheKey.clone();
  }

  /** Callers that may wait for their panel's turn at once, in all: each holds a server thread. */
  static int waitersInAll(ServeSettings settings) {
    return settings.maxDiagnoses() * 4;
  }

  static PanelTurns of(ServeSettings settings, long diagnosisMillis, ServiceMetrics metrics) {
    ServeSettings.Politeness p = settings.politeness();
    BudgetStore store =
        p.redisUrl().isPresent() ? RedisBudget.connect(p.redisUrl().get()) : new InProcessBudget();
    byte[] key;
    if (p.redisUrl().isPresent()) {
      // replicas share the cache: derive its key from what they share, the tokens
      key =
          hmac(
              "xtream-doctor verdict cache".getBytes(StandardCharsets.UTF_8),
              String.join("\n", settings.tokens().stream().sorted().toList()));
    } else {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    }
    return new PanelTurns(
        store,
        p,
        diagnosisMillis + 15_000,
        settings.maxDiagnoses() * 2 + 4,
        waitersInAll(settings),
        key,
        metrics);
  }

  /**
   * One line to diagnose, as the budget sees it.
   *
   * @param panel the panel host (where flood counters count), or empty when nothing will be sent
   * @param cacheKey the line's key in the cache: a keyed hash of server, username and password
   * @param logins the most logins its diagnosis sends (two when the username has surrounding
   *     spaces: the trimmed name is tried too)
   */
  record Line(Optional<String> panel, String cacheKey, int logins) {}

  Line line(String server, Optional<String> username, String password)
      throws BadServerInputException {
    ParsedServer parsed = ServerInputParser.parse(server);
    String user = username.or(parsed::pastedUsername).orElse("");
    int logins = !user.strip().equals(user) && !user.isBlank() ? 2 : 1;
    String hash =
        HexFormat.of()
            .formatHex(
                hmac(
                    cacheKey,
                    parsed.scheme()
                        + "\n"
                        + parsed.host()
                        + "\n"
                        + parsed.port()
                        + "\n"
                        + server.strip()
                        + "\n"
                        + user
                        + "\n"
                        + password));
    Optional<String> panel =
        parsed.usable() ? Optional.of(parsed.host().toLowerCase(Locale.ROOT)) : Optional.empty();
    return new Line(panel, hash, logins);
  }

  /** What was observed of a line: the facts without the reported symptoms, and when. */
  record Observed(List<Fact> facts, Instant at) {
    /** The facts judged again with these symptoms. */
    List<Fact> with(Optional<ReportedSymptoms> symptoms) {
      List<Fact> all = new ArrayList<>(facts);
      symptoms.ifPresent(all::add);
      return all;
    }
  }

  Optional<Observed> cached(Line line) {
    if (budget.verdictCacheMs() == 0) {
      return Optional.empty();
    }
    return store.cached(line.cacheKey()).flatMap(PanelTurns::parse);
  }

  void remember(Line line, List<Fact> facts, Instant at) {
    if (budget.verdictCacheMs() == 0) {
      return;
    }
    List<Record> observed =
        facts.stream().filter(f -> !(f instanceof ReportedSymptoms)).map(f -> (Record) f).toList();
    store.cache(
        line.cacheKey(),
        JSON.createObjectBuilder()
            .add("observedAt", at.toString())
            .add("facts", FactsJson.writeAll(observed))
            .build()
            .toString(),
        budget.verdictCacheMs());
  }

  private static Optional<Observed> parse(String json) {
    try {
      JsonObject o = JSON.createReader(new StringReader(json)).readObject();
      List<Fact> facts = FactsJson.read(o.getJsonArray("facts").toString());
      return Optional.of(new Observed(facts, Instant.parse(o.getString("observedAt"))));
    } catch (FactsJson.FactsException | RuntimeException e) {
      return Optional.empty(); // a cache entry that does not read is a miss
    }
  }

  /** No turn at a panel now; when to ask again. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;

    Refused(Problem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }
  }

  /** A caller's turn at a panel; closing it gives back the logins it did not send. */
  final class Turn implements AutoCloseable {
    private final Line line;
    private final String token;
    private int sent;

    private Turn(Line line, String token) {
      this.line = line;
      this.token = token;
      this.sent = line.logins();
    }

    /** How many logins the diagnosis sent, as its facts report it. */
    void sent(List<Fact> facts) {
      sent =
          facts.stream()
              .filter(f -> f instanceof PanelRequests)
              .map(f -> ((PanelRequests) f).logins())
              .findFirst()
              .orElse(line.logins());
    }

    /** Nothing was sent (the target was refused before any request). */
    void nothingSent() {
      sent = 0;
    }

    @Override
    public void close() {
      if (line.panel().isPresent()) {
        store.finish(line.panel().get(), token, line.logins(), Math.max(0, line.logins() - sent));
      }
    }
  }

  /**
   * Waits for the line's panel to be this caller's, within {@code waitMs}.
   *
   * @throws Refused when the panel's logins are spent for now, or it stays busy too long (429, with
   *     when to try again)
   */
  Turn take(Line line) throws Refused, InterruptedException {
    return take(line, budget.waitMs());
  }

  /**
   * Waits for the line's panel to be this caller's, within {@code waitMs} (0: only if it is free
   * and within its budget now).
   *
   * @throws Refused when the panel's logins are spent for now, or it stays busy too long
   */
  Turn take(Line line, long waitMs) throws Refused, InterruptedException {
    String token = UUID.randomUUID().toString();
    if (line.panel().isEmpty()) {
      return new Turn(line, token);
    }
    long start = System.nanoTime();
    try {
      Turn turn = wait(line, token, waitMs);
      metrics.budgetWait("granted", System.nanoTime() - start);
      return turn;
    } catch (Refused e) {
      String outcome =
          switch (e.problem.type()) {
            case "panel-budget" -> "spent";
            case "panel-busy" -> "busy";
            default -> "full";
          };
      metrics.budgetWait(outcome, System.nanoTime() - start);
      throw e;
    }
  }

  private Turn wait(Line line, String token, long waitMs) throws Refused, InterruptedException {
    String panel = line.panel().get();
    if (waitingInAll.incrementAndGet() > maxWaitingInAll) {
      waitingInAll.decrementAndGet();
      throw new Refused(
          new Problem(
              503,
              "busy",
              "Service busy",
              "too many diagnoses are waiting for their panels; try again shortly",
              1));
    }
    if (waiting.merge(panel, 1, Integer::sum) > maxWaiting) {
      leave(panel);
      waitingInAll.decrementAndGet();
      throw busy(Math.max(1, budget.minIntervalMs() / 1000));
    }
    try {
      long deadline = System.nanoTime() + waitMs * 1_000_000;
      while (true) {
        BudgetStore.Attempt a = store.attempt(panel, token, line.logins(), budget, holdMillis);
        long left = (deadline - System.nanoTime()) / 1_000_000;
        switch (a.outcome()) {
          case GRANTED:
            return new Turn(line, token);
          case SPENT:
            throw new Refused(
                new Problem(
                    429,
                    "panel-budget",
                    "Panel budget spent",
                    "this service already logged in to that panel "
                        + budget.maxLogins()
                        + " times in "
                        + budget.windowMs() / 1000
                        + " s, as many as it may without risking a ban; try again later",
                    (int) seconds(a.millis())));
          case WAIT:
            if (a.millis() > left) {
              store.finish(panel, token, line.logins(), line.logins());
              throw busy(seconds(a.millis()));
            }
            Thread.sleep(a.millis());
            break;
          default:
            if (left <= 0) {
              throw busy(seconds(budget.minIntervalMs()));
            }
            Thread.sleep(Math.min(POLL_MS, left));
        }
      }
    } finally {
      leave(panel);
      waitingInAll.decrementAndGet();
    }
  }

  /** One waiter fewer for the panel; the table holds only panels someone waits for. */
  private void leave(String panel) {
    waiting.computeIfPresent(panel, (k, n) -> n <= 1 ? null : n - 1);
  }

  private Refused busy(long retryAfterSeconds) {
    return new Refused(
        new Problem(
            429,
            "panel-busy",
            "Panel busy",
            "other diagnoses of that panel come first (one at a time, "
                + budget.minIntervalMs() / 1000
                + " s apart); try again shortly",
            (int) Math.max(1, retryAfterSeconds)));
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
