package dev.xtreamdoctor.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The budget and cache of one {@code serve} process (the default). */
final class InProcessBudget implements BudgetStore {
  /** Bounds the tables: a flood of distinct panels or lines cannot eat the heap. */
  private static final int MAX_ENTRIES = 10_000;

  /** One panel: who holds it until when, and the times of its recent logins with their owner. */
  private static final class Panel {
    String holder;
    long heldUntil;
    final Deque<Login> logins = new ArrayDeque<>();
  }

  private record Login(long at, String owner) {}

  private record Entry(String observed, long until) {}

  private final Map<String, Panel> panels = new ConcurrentHashMap<>();
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  @Override
  public Attempt attempt(
      String key, String token, int logins, ServeSettings.Politeness budget, long holdMillis) {
    if (panels.size() > MAX_ENTRIES) {
      panels.entrySet().removeIf(e -> e.getValue().holder == null && e.getValue().logins.isEmpty());
    }
    Panel p = panels.computeIfAbsent(key, k -> new Panel());
    synchronized (p) {
      long now = System.currentTimeMillis();
      if (p.holder != null && !p.holder.equals(token) && p.heldUntil > now) {
        return new Attempt(Outcome.BUSY, 0);
      }
      while (!p.logins.isEmpty() && p.logins.peekFirst().at() <= now - budget.windowMs()) {
        p.logins.pollFirst();
      }
      if (p.logins.size() + logins > budget.maxLogins()) {
        if (token.equals(p.holder)) {
          p.holder = null;
        }
        long oldest = p.logins.isEmpty() ? now : p.logins.peekFirst().at();
        return new Attempt(Outcome.SPENT, Math.max(1, oldest + budget.windowMs() - now));
      }
      p.holder = token;
      p.heldUntil = now + holdMillis;
      long last = p.logins.isEmpty() ? Long.MIN_VALUE / 2 : p.logins.peekLast().at();
      if (now - last < budget.minIntervalMs()) {
        return new Attempt(Outcome.WAIT, budget.minIntervalMs() - (now - last));
      }
      for (int i = 0; i < logins; i++) {
        p.logins.addLast(new Login(now, token));
      }
      return new Attempt(Outcome.GRANTED, 0);
    }
  }

  @Override
  public void finish(String key, String token, int logins, int unused) {
    Panel p = panels.get(key);
    if (p == null) {
      return;
    }
    synchronized (p) {
      int given = 0;
      int kept = 0;
      for (Iterator<Login> it = p.logins.descendingIterator(); it.hasNext(); ) {
        if (it.next().owner().equals(token)) {
          it.remove();
          if (given < unused) {
            given++;
          } else {
            kept++;
          }
        }
      }
      // the logins sent count from now, when they are surely over: the next is spaced from them
      long now = System.currentTimeMillis();
      for (int i = 0; i < kept; i++) {
        p.logins.addLast(new Login(now, token));
      }
      if (token.equals(p.holder)) {
        p.holder = null;
      }
    }
  }

  @Override
  public Optional<String> cached(String key) {
    Entry e = cache.get(key);
    if (e == null || e.until < System.currentTimeMillis()) {
      return Optional.empty();
    }
    return Optional.of(e.observed);
  }

  @Override
  public void cache(String key, String observed, long millis) {
    long now = System.currentTimeMillis();
    if (cache.size() >= MAX_ENTRIES) {
      cache.values().removeIf(e -> e.until < now);
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
    }
    cache.put(key, new Entry(observed, now + millis));
  }

  @Override
  public void close() {}
}
