package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.ReportWords;
import dev.xtreamdoctor.engine.facts.HourOutcome;
import dev.xtreamdoctor.engine.facts.HourSummary;
import dev.xtreamdoctor.engine.render.SafeText;
import dev.xtreamdoctor.engine.render.TextStyle;
import dev.xtreamdoctor.engine.watch.CheckRecord;
import dev.xtreamdoctor.engine.watch.HistoryFacts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A watch for a person: one row per check as it comes (the live table), and at the end a summary by
 * hour of the day. Figures only; what they mean is the rules' diagnosis, printed after it.
 */
final class WatchTable {
  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String GREY = "\u001b[90m";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private static final String ROW = "%4s  %-8s  %-46s %7s %8s %7s %9s %9s  %s";

  private final TextStyle style;
  private final Redactor redactor;
  private LocalDate day;

  /** The column heads and the summary, in the report's language ({@code words.watch.*}). */
  private final ReportWords words;

  WatchTable(TextStyle style, Redactor redactor, ReportWords words) {
    this.style = style;
    this.redactor = redactor;
    this.words = words;
  }

  /** The column heads. */
  String header() {
    return paint(
        GREY,
        String.format(
            ROW,
            "#",
            words.say("watch.column.time"),
            words.say("watch.column.result"),
            "dns",
            words.say("watch.column.connect"),
            "tls",
            words.say("watch.column.login"),
            words.say("watch.column.total"),
            words.say("watch.column.account")));
  }

  /** One check as one row; a line naming the day first whenever the day changes. */
  String row(int number, CheckRecord c) {
    StringBuilder out = new StringBuilder();
    LocalDate d = c.time().toLocalDate();
    if (!d.equals(day)) {
      day = d;
      out.append(paint(GREY, "── " + d + " (UTC" + offset(c.time().getOffset()) + ") ──"))
          .append('\n');
    }
    String result =
        mark(c)
            + " "
            + SafeText.of(c.category())
            + (c.cause().isEmpty() ? "" : " " + SafeText.of(c.cause()));
    String text =
        String.format(
            ROW,
            number,
            c.time().format(TIME),
            cut(result, 46),
            ms(c.phases().dnsSystemMs()),
            ms(c.phases().connectMs()),
            ms(c.phases().tlsMs()),
            ms(c.phases().loginMs()),
            ms(c.phases().totalMs()),
            account(c));
    String colour = c.working() ? GREEN : c.inconclusive() ? YELLOW : RED;
    out.append(paint(colour, clean(text)));
    return out.toString();
  }

  /**
   * The summary by hour of the day: checks, how many worked, failures by category, median and worst
   * connect and login times.
   */
  String byHour(List<CheckRecord> checks) {
    List<CheckRecord> inOrder = HistoryFacts.inTimeOrder(checks);
    List<HourSummary> hours = HistoryFacts.hours(inOrder);
    List<HourOutcome> outcomes = HistoryFacts.outcomes(inOrder);
    StringBuilder out = new StringBuilder();
    String zones =
        inOrder.stream()
            .map(c -> "UTC" + offset(c.time().getOffset()))
            .distinct()
            .collect(Collectors.joining(", "));
    out.append(words.say("watch.by_hour", "zones", zones)).append('\n');
    String row = "  %-6s %6s %7s  %-40s %17s %19s";
    out.append(
            paint(
                GREY,
                String.format(
                    row,
                    words.say("watch.column.hour"),
                    words.say("watch.column.checks"),
                    words.say("watch.column.worked"),
                    words.say("watch.column.failures"),
                    words.say("watch.column.connect_times"),
                    words.say("watch.column.login_times"))))
        .append('\n');
    for (HourSummary h : hours) {
      Map<String, Integer> failures = new LinkedHashMap<>();
      for (HourOutcome o : outcomes) {
        if (o.hour() == h.hour() && !o.category().equals("NO_FAULT_FOUND")) {
          failures.merge(o.category(), o.checks(), Integer::sum);
        }
      }
      String failed =
          failures.isEmpty()
              ? "-"
              : failures.entrySet().stream()
                  .map(e -> SafeText.of(e.getKey()) + " " + e.getValue())
                  .collect(Collectors.joining(", "));
      String line =
          String.format(
              row,
              h.label(),
              h.checks(),
              h.working(),
              cut(failed, 40),
              h.medianConnectMs() + " / " + h.worstConnectMs() + " ms",
              h.medianLoginMs() + " / " + h.worstLoginMs() + " ms");
      out.append(paint(h.faults() > 0 ? RED : h.inconclusive() > 0 ? YELLOW : GREEN, line))
          .append('\n');
    }
    CheckRecord first = inOrder.get(0);
    CheckRecord last = inOrder.get(inOrder.size() - 1);
    long worked = inOrder.stream().filter(CheckRecord::working).count();
    out.append(
            words.say(
                "watch.summary",
                "checks",
                inOrder.size(),
                "first",
                HistoryFacts.local(first.time()),
                "last",
                HistoryFacts.local(last.time()),
                "worked",
                worked,
                "failed",
                inOrder.stream().filter(CheckRecord::fault).count(),
                "inconclusive",
                inOrder.stream().filter(CheckRecord::inconclusive).count()))
        .append('\n');
    return clean(out.toString());
  }

  private String account(CheckRecord c) {
    return c.account()
        .map(
            a ->
                (a.status().isEmpty() ? "?" : cut(SafeText.of(a.status()), 24))
                    + " "
                    + a.activeConnections()
                    + "/"
                    + (a.maxConnections() == 0 ? "∞" : String.valueOf(a.maxConnections()))
                    + (a.expDate() > 0
                        ? " until "
                            + java.time.Instant.ofEpochSecond(a.expDate())
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate()
                        : ""))
        .orElse("-");
  }

  private String mark(CheckRecord c) {
    boolean u = style.unicode();
    return c.working() ? (u ? "✓" : "OK") : c.inconclusive() ? "?" : (u ? "✗" : "X");
  }

  static String ms(long millis) {
    return millis == CheckRecord.NOT_REACHED ? "-" : millis + " ms";
  }

  private static String offset(ZoneOffset o) {
    return o.getTotalSeconds() == 0 ? "" : o.getId();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /**
   * Without the password, and in ASCII where the terminal needs it (the fields that come from a
   * history file are made terminal-safe one by one, with SafeText).
   */
  private String clean(String text) {
    String safe = redactor.scrub(text);
    return style.unicode()
        ? safe
        : safe.replace("✓", "OK")
            .replace("✗", "X")
            .replace("∞", "inf")
            .replace("…", "...")
            .replace("──", "--");
  }

  private String paint(String colour, String text) {
    return style.colour() ? colour + text + RESET : text;
  }
}
