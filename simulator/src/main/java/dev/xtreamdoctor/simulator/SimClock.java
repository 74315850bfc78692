package dev.xtreamdoctor.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock for simulations that can run faster than real time and be moved on: the panel's {@code
 * timestamp_now}, a line's expiry and the hours of an {@code at-hours} overlay follow it. Tests
 * give the same clock to the simulation and to the doctor, so that a second of real time can be an
 * hour of the evening, or a line can expire between two scrapes.
 */
public final class SimClock extends Clock {
  private final Instant start;
  private final long startNanos;
  private final double speed;
  private final ZoneId zone;
  private final AtomicLong shiftNanos;

  private SimClock(
      Instant start, long startNanos, double speed, ZoneId zone, AtomicLong shiftNanos) {
    this.start = start;
    this.startNanos = startNanos;
    this.speed = speed;
    this.zone = zone;
    this.shiftNanos = shiftNanos;
  }

  /**
   * A clock that reads {@code start} now and then runs {@code speed} times as fast as real time
   * (3600: a second is an hour).
   */
  public static SimClock startingAt(Instant start, ZoneId zone, double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, not " + speed);
    }
    return new SimClock(start, System.nanoTime(), speed, zone, new AtomicLong());
  }

  /** Moves the clock on (or back) by {@code by}, at once. */
  public SimClock shift(Duration by) {
    shiftNanos.addAndGet(by.toNanos());
    return this;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same clock (shifts included) seen in another zone. */
  @Override
  public Clock withZone(ZoneId other) {
    return new SimClock(start, startNanos, speed, other, shiftNanos);
  }

  @Override
  public Instant instant() {
    long elapsed = (long) ((System.nanoTime() - startNanos) * speed);
    return start.plusNanos(elapsed + shiftNanos.get());
  }
}
