package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.watch.CheckRecord;
import dev.xtreamdoctor.engine.watch.CheckRecord.Account;
import dev.xtreamdoctor.engine.watch.CheckRecord.Phases;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rows of "a watch of these checks" as the checks a history would hold. */
final class WatchRows {
  private WatchRows() {}

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<String> COLUMNS =
      Set.of(
          "time",
          "until",
          "every",
          "category",
          "cause",
          "layer",
          "dnsSystemMs",
          "connectMs",
          "tlsMs",
          "loginMs",
          "status",
          "expDate");

  /** One row: one check, or with {@code every} and {@code until} a check every so many minutes. */
  static List<CheckRecord> checks(Map<String, String> row) {
    for (String column : row.keySet()) {
      if (!COLUMNS.contains(column)) {
        throw new IllegalArgumentException(
            "a watch's checks have no column \""
                + column
                + "\" (known: "
                + String.join(", ", COLUMNS.stream().sorted().toList())
                + ")");
      }
    }
    OffsetDateTime from = time(required(row, "time"));
    OffsetDateTime until =
        row.containsKey("until") && !blank(row.get("until")) ? time(row.get("until")) : from;
    Duration every =
        Duration.ofMinutes(
            blank(row.get("every"))
                ? 1
                : Long.parseLong(row.get("every").strip().replace("m", "")));
    String category = required(row, "category");
    boolean answered = row.containsKey("status") && !blank(row.get("status"));
    List<CheckRecord> out = new ArrayList<>();
    for (OffsetDateTime t = from; !t.isAfter(until); t = t.plus(every)) {
      out.add(
          new CheckRecord(
              t,
              category,
              required(row, "cause"),
              text(row, "layer"),
              text(row, "cause"),
              new Phases(
                  millis(row, "dnsSystemMs"),
                  CheckRecord.NOT_REACHED,
                  millis(row, "connectMs"),
                  millis(row, "tlsMs"),
                  millis(row, "loginMs"),
                  CheckRecord.NOT_REACHED),
              answered
                  ? Optional.of(
                      new Account(
                          row.get("status").strip(),
                          blank(row.get("expDate"))
                              ? 0
                              : Long.parseLong(row.get("expDate").strip()),
                          0,
                          1,
                          false))
                  : Optional.empty()));
    }
    return out;
  }

  /** {@code 2026-03-02 19:00}, UTC; or {@code 2026-03-02 19:00 +01:00}. */
  private static OffsetDateTime time(String text) {
    String t = text.strip();
    try {
      int space = t.lastIndexOf(' ');
      if (space > 10) {
        return LocalDateTime.parse(t.substring(0, space), LOCAL)
            .atOffset(ZoneOffset.of(t.substring(space + 1)));
      }
      return LocalDateTime.parse(t, LOCAL).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is no time such as 2026-03-02 19:00 or 2026-03-02 19:00 +01:00", e);
    }
  }

  private static long millis(Map<String, String> row, String column) {
    return blank(row.get(column))
        ? CheckRecord.NOT_REACHED
        : Long.parseLong(row.get(column).strip());
  }

  private static String text(Map<String, String> row, String column) {
    return blank(row.get(column)) ? "" : row.get(column).strip();
  }

  private static String required(Map<String, String> row, String column) {
    if (blank(row.get(column))) {
      throw new IllegalArgumentException("a watch's check needs a \"" + column + "\"");
    }
    return row.get(column).strip();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
