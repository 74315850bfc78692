package dev.xtreamdoctor.engine.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}, {@code
 * 2d}, a plain number of seconds ({@code 60}), or ISO-8601 ({@code PT5M}).
 */
public final class DurationText {
  private DurationText() {}

  private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private static final Pattern WHOLE = Pattern.compile("((\\d{1,9})(ms|s|m|h|d))+");

  /**
   * The duration {@code text} stands for.
   *
   * @throws IllegalArgumentException naming the text and the forms accepted
   */
  public static Duration parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (t.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(t));
    }
    if (t.startsWith("pt") || t.startsWith("p")) {
      try {
        return nonNegative(text, Duration.parse(t.toUpperCase(Locale.ROOT)));
      } catch (java.time.format.DateTimeParseException e) {
        throw invalid(text);
      }
    }
    if (!WHOLE.matcher(t).matches()) {
      throw invalid(text);
    }
    Duration d = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      d =
          d.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
    }
    return d;
  }

  /** A duration as short text, the way {@link #parse} reads it: {@code 1h30m}, {@code 90s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.toMillisPart() != 0 || d.compareTo(Duration.ofSeconds(1)) < 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder b = new StringBuilder();
    if (d.toDays() > 0) {
      b.append(d.toDays()).append('d');
    }
    if (d.toHoursPart() > 0) {
      b.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      b.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      b.append(d.toSecondsPart()).append('s');
    }
    return b.toString();
  }

  private static Duration nonNegative(String text, Duration d) {
    if (d.isNegative()) {
      throw invalid(text);
    }
    return d;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "\"" + text + "\" is not a duration (e.g. 30s, 5m, 1h30m, 500ms)");
  }
}
