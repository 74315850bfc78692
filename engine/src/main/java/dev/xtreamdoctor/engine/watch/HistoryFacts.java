package dev.xtreamdoctor.engine.watch;

import dev.xtreamdoctor.engine.facts.CauseRun;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HourOutcome;
import dev.xtreamdoctor.engine.facts.HourSummary;
import dev.xtreamdoctor.engine.facts.WatchSpan;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * A history summarised as facts the rules read: the watch as a whole ({@link WatchSpan}), each hour
 * of the day ({@link HourSummary}, {@link HourOutcome}) and each streak of one cause ({@link
 * CauseRun}). Neutral figures only (counts, medians, times): what they mean is for the rules. Hours
 * are the watcher's local hours, as each check recorded its time.
 */
public final class HistoryFacts {
  private HistoryFacts() {}

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The facts of a history; none for an empty one. Checks are taken in time order. */
  public static List<Fact> of(List<CheckRecord> history) {
    List<CheckRecord> checks = inTimeOrder(history);
    if (checks.isEmpty()) {
      return List.of();
    }
    List<Fact> facts = new ArrayList<>();
    facts.add(span(checks));
    facts.addAll(hours(checks));
    facts.addAll(outcomes(checks));
    facts.addAll(runs(checks));
    return facts;
  }

  /**
   * The checks by the instant they were made (a history appended by two watches may interleave).
   */
  public static List<CheckRecord> inTimeOrder(List<CheckRecord> history) {
    return history.stream().sorted(Comparator.comparing(c -> c.time().toInstant())).toList();
  }

  /** A time as the facts write it for people: {@code 2026-03-02 19:05}, in its own offset. */
  public static String local(OffsetDateTime t) {
    return t.format(LOCAL);
  }

  /** An hour of the day as people write it: {@code 19:00}. */
  public static String hourLabel(int hour) {
    return String.format("%02d:00", hour);
  }

  static WatchSpan span(List<CheckRecord> checks) {
    CheckRecord first = checks.get(0);
    CheckRecord last = checks.get(checks.size() - 1);
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < checks.size(); i++) {
      gaps.add(Duration.between(checks.get(i - 1).time(), checks.get(i).time()).toSeconds());
    }
    return new WatchSpan(
        checks.size(),
        (int) checks.stream().filter(CheckRecord::working).count(),
        (int) checks.stream().filter(CheckRecord::fault).count(),
        (int) checks.stream().filter(CheckRecord::inconclusive).count(),
        first.time().toEpochSecond(),
        last.time().toEpochSecond(),
        local(first.time()),
        local(last.time()),
        Math.max(0, median(gaps)));
  }

  /** One summary per hour of the day that had checks, in hour order. */
  public static List<HourSummary> hours(List<CheckRecord> checks) {
    Map<Integer, List<CheckRecord>> byHour = new TreeMap<>();
    for (CheckRecord c : checks) {
      byHour.computeIfAbsent(c.time().getHour(), h -> new ArrayList<>()).add(c);
    }
    List<HourSummary> out = new ArrayList<>();
    byHour.forEach(
        (hour, in) ->
            out.add(
                new HourSummary(
                    hour,
                    hourLabel(hour),
                    in.size(),
                    (int) in.stream().filter(CheckRecord::working).count(),
                    (int) in.stream().filter(CheckRecord::fault).count(),
                    (int) in.stream().filter(CheckRecord::inconclusive).count(),
                    median(reached(in, p -> p.phases().connectMs())),
                    worst(reached(in, p -> p.phases().connectMs())),
                    median(reached(in, p -> p.phases().loginMs())),
                    worst(reached(in, p -> p.phases().loginMs())),
                    (int) in.stream().map(c -> c.time().toLocalDate()).distinct().count())));
    return out;
  }

  /** How many checks of each hour ended with each cause, by hour then category then cause. */
  public static List<HourOutcome> outcomes(List<CheckRecord> checks) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, CheckRecord> sample = new LinkedHashMap<>();
    for (CheckRecord c : checks) {
      String key = String.format("%02d %s %s", c.time().getHour(), c.category(), c.cause());
      counts.computeIfAbsent(key, k -> new int[1])[0]++;
      sample.putIfAbsent(key, c);
    }
    List<HourOutcome> out = new ArrayList<>();
    counts.forEach(
        (key, n) -> {
          CheckRecord c = sample.get(key);
          int hour = c.time().getHour();
          out.add(new HourOutcome(hour, hourLabel(hour), c.category(), c.cause(), n[0]));
        });
    return out;
  }

  /** The streaks of one cause, in time order. */
  public static List<CauseRun> runs(List<CheckRecord> checks) {
    List<CauseRun> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= checks.size(); i++) {
      if (i == checks.size() || !sameCause(checks.get(i), checks.get(start))) {
        out.add(run(out.size() + 1, checks, start, i - 1));
        start = i;
      }
    }
    return out;
  }

  private static boolean sameCause(CheckRecord a, CheckRecord b) {
    return a.category().equals(b.category()) && a.cause().equals(b.cause());
  }

  private static CauseRun run(int number, List<CheckRecord> checks, int from, int to) {
    CheckRecord first = checks.get(from);
    CheckRecord last = checks.get(to);
    CheckRecord before = from == 0 ? null : checks.get(from - 1);
    return new CauseRun(
        number,
        first.category(),
        first.cause(),
        first.layer(),
        first.title(),
        to - from + 1,
        first.time().toEpochSecond(),
        last.time().toEpochSecond(),
        local(first.time()),
        local(last.time()),
        from == 0,
        to == checks.size() - 1,
        before == null ? "" : before.category(),
        before == null ? "" : before.cause(),
        before == null ? "" : local(before.time()),
        first.account().map(CheckRecord.Account::status).orElse(""),
        first.account().map(a -> Math.max(0, a.expDate())).orElse(0L));
  }

  private static List<Long> reached(List<CheckRecord> in, ToLongFunction<CheckRecord> phase) {
    List<Long> out = new ArrayList<>();
    for (CheckRecord c : in) {
      long v = phase.applyAsLong(c);
      if (v != CheckRecord.NOT_REACHED) {
        out.add(v);
      }
    }
    return out;
  }

  /** The median (the lower middle of an even count); 0 for none. */
  public static long median(List<Long> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static long worst(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
