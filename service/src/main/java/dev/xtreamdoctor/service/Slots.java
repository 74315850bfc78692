package dev.xtreamdoctor.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of slots for one kind of work (diagnoses, evaluations), that knows who holds each
 * and since when: a slot held past {@code limitNanos} is overdue, a runaway (say a rule's then part
 * that ignores the deadline) holding capacity, and makes the service not ready.
 */
final class Slots {
  private final Semaphore free;
  private final int size;
  private final long limitNanos;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Long> held = new ConcurrentHashMap<>();

  Slots(int size, long limitNanos) {
    this.free = new Semaphore(size, true);
    this.size = size;
    this.limitNanos = limitNanos;
  }

  /** A held slot; closing it gives it back. */
  final class Lease implements AutoCloseable {
    private final long id;

    private Lease(long id) {
      this.id = id;
    }

    @Override
    public void close() {
      if (held.remove(id) != null) {
        free.release();
      }
    }
  }

  /** A slot, waiting for one at most {@code waitMs}; empty when none came free. */
  Optional<Lease> take(long waitMs) throws InterruptedException {
    if (!free.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    long id = ids.incrementAndGet();
    held.put(id, System.nanoTime());
    return Optional.of(new Lease(id));
  }

  int size() {
    return size;
  }

  int inUse() {
    return held.size();
  }

  /** Slots held longer than the limit now. */
  int overdue() {
    long now = System.nanoTime();
    return (int) held.values().stream().filter(since -> now - since > limitNanos).count();
  }

  /** The limit past which a held slot is overdue, in milliseconds. */
  long limitMillis() {
    return limitNanos / 1_000_000;
  }
}
