package dev.xtreamdoctor.engine.config;

import java.util.List;
import java.util.TreeSet;

/**
 * Hours of the day as people write them: {@code 18-23}, {@code 20-1} (past midnight), {@code
 * 12,18-22}.
 */
public final class HourSet {
  private HourSet() {}

  /**
   * The hours, 0 to 23, in order.
   *
   * @throws IllegalArgumentException naming the part that is not an hour or a range of hours
   */
  public static List<Integer> parse(String text) {
    TreeSet<Integer> hours = new TreeSet<>();
    for (String part : text.split(",", -1)) {
      String p = part.strip();
      String[] ends = p.split("-", -1);
      if (ends.length > 2 || p.isEmpty()) {
        throw invalid(text);
      }
      int from = hour(ends[0], text);
      int to = ends.length == 2 ? hour(ends[1], text) : from;
      for (int h = from; ; h = (h + 1) % 24) {
        hours.add(h);
        if (h == to) {
          break;
        }
      }
    }
    return List.copyOf(hours);
  }

  private static int hour(String s, String text) {
    String t = s.strip();
    if (!t.matches("\\d{1,2}") || Integer.parseInt(t) > 23) {
      throw invalid(text);
    }
    return Integer.parseInt(t);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "\"" + text + "\" is not a list of hours 0-23 (e.g. 18-23, or 20-1 past midnight)");
  }
}
