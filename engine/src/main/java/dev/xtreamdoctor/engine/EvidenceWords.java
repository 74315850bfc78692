package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Evidence;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence in words: the text of its key in the catalogue of the user's language (English where
 * that language lacks it), its placeholders filled with what was observed. A placeholder may name
 * the form of its value, so each language writes it its own way:
 *
 * <ul>
 *   <li>{@code {name}}: the value as it is (server text, an address, a count);
 *   <li>{@code {name|one|other}}: a count and its word ("1 connection", "2 connections");
 *   <li>{@code {name,date}}, {@code {name,datetime}}: a unix time as the language writes a date
 *       ({@code words.date}, {@code words.date.time});
 *   <li>{@code {name,span}}: seconds as days and hours ("2 days 5 hours");
 *   <li>{@code {name,ms}}: milliseconds as a person reads them ("850 ms", "1.2 seconds").
 * </ul>
 *
 * A value that is itself evidence (a part of a sentence with its own key) is said the same way.
 */
public final class EvidenceWords {
  /** {@code {name}}, {@code {name,form}}, {@code {name|one|other}}. */
  private static final Pattern SLOT =
      Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_]*)(?:,([a-z]+))?(?:\\|([^|{}]*)\\|([^|{}]*))?}");

  /** The forms a placeholder may name. */
  public static final java.util.List<String> FORMS =
      java.util.List.of("date", "datetime", "span", "ms");

  private final Catalogue words;
  private final ReportWords report;

  private EvidenceWords(Catalogue words) {
    this.words = words;
    this.report = ReportWords.of(words);
  }

  /**
   * The evidence in these words. A sentence that opens with a piece of its own key ("your resolver
   * (192.168.1.1) says ...") starts with a capital letter.
   */
  public static String say(Evidence e, Catalogue words) {
    String said = new EvidenceWords(words).say(e);
    String text = e.isLiteral() ? null : words.text(e.key());
    if (text != null
        && text.startsWith("{")
        && !said.isEmpty()
        && e.params().get(text.substring(1).split("[},|]", 2)[0]) instanceof Evidence) {
      return said.substring(0, 1).toUpperCase(Locale.forLanguageTag(words.language()))
          + said.substring(1);
    }
    return said;
  }

  private String say(Evidence e) {
    if (e.isLiteral()) {
      return String.valueOf(e.params().get("text"));
    }
    String text = words.text(e.key());
    if (text == null && e.key().startsWith(Catalogue.DEVICE_PREFIX)) {
      return e.key().substring(Catalogue.DEVICE_PREFIX.length()).replace('_', ' ');
    }
    if (text == null) {
      // a key no catalogue has (rules check says so): the key and its values, never nothing
      StringBuilder out = new StringBuilder(e.key());
      e.params().forEach((k, v) -> out.append(' ').append(k).append('=').append(value(v, null)));
      return out.toString();
    }
    Matcher m = SLOT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object v = e.params().get(m.group(1));
      String shown = v == null ? m.group() : value(v, m.group(2));
      if (v != null && m.group(3) != null) {
        shown = shown + " " + (shown.strip().equals("1") ? m.group(3) : m.group(4));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String value(Object v, String form) {
    if (v instanceof Evidence nested) {
      return say(nested);
    }
    if (form == null || !(v instanceof Long n)) {
      return String.valueOf(v);
    }
    return switch (form) {
      case "date" -> report.date(n);
      case "datetime" -> report.dateTime(n);
      case "span" -> span(n);
      case "ms" -> millis(n);
      default -> String.valueOf(n);
    };
  }

  /** Seconds as days and hours, whole hours only: "2 days 5 hours", "5 hours", "0 hours". */
  private String span(long seconds) {
    long hours = Math.max(0, seconds) / 3600;
    long d = hours / 24;
    long h = hours % 24;
    if (d == 0) {
      return words.count("hours", h);
    }
    if (h == 0) {
      return words.count("days", d);
    }
    return words.report(
        "days_and_hours", Map.of("days", words.count("days", d), "hours", words.count("hours", h)));
  }

  /** "850 ms" under a second, "1.2 seconds" under ten, else whole seconds. */
  private String millis(long ms) {
    if (ms < 1000) {
      return form("evidence.unit.ms", String.valueOf(ms));
    }
    if (ms < 10000 && ms % 1000 != 0) {
      NumberFormat f =
          NumberFormat.getNumberInstance(Locale.forLanguageTag(report.say("language")));
      f.setMinimumFractionDigits(1);
      f.setMaximumFractionDigits(1);
      f.setRoundingMode(java.math.RoundingMode.HALF_UP);
      return form("evidence.unit.seconds", f.format(ms / 1000.0));
    }
    long s = Math.round(ms / 1000.0);
    return form("evidence.unit.seconds" + (s == 1 ? ".one" : ""), String.valueOf(s));
  }

  private String form(String key, String n) {
    String t = words.text(key);
    return t == null ? n : t.replace("{n}", n);
  }
}
