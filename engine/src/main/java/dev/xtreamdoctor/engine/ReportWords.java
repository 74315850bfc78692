package dev.xtreamdoctor.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report's own words (the answer line, headings, what each layer saw, outcome codes said in
 * words), read from the {@code words.*} keys of the catalogue in use, so support staff change them
 * as they change a cause's words. A key the catalogue in use lacks falls back to the bundled
 * catalogue: a report never shows a bare key.
 */
public final class ReportWords {
  /** The prefix of the report's keys in the catalogue. */
  public static final String PREFIX = "words.";

  private static volatile Catalogue bundled;

  private final Catalogue catalogue;
  private final Catalogue fallback;

  private ReportWords(Catalogue catalogue, Catalogue fallback) {
    this.catalogue = catalogue;
    this.fallback = fallback;
  }

  /** The words of {@code catalogue}, the bundled catalogue's where it has none. */
  public static ReportWords of(Catalogue catalogue) {
    return new ReportWords(catalogue, bundledCatalogue());
  }

  /** The bundled catalogue's words. */
  public static ReportWords bundled() {
    Catalogue c = bundledCatalogue();
    return new ReportWords(c, c);
  }

  /** The keys the program reads: those of the bundled catalogue. */
  public static Set<String> knownKeys() {
    Set<String> keys = new TreeSet<>();
    for (String k : bundledCatalogue().keys()) {
      if (k.startsWith(PREFIX)) {
        keys.add(k);
      }
    }
    return keys;
  }

  private static Catalogue bundledCatalogue() {
    Catalogue c = bundled;
    if (c == null) {
      try {
        c = Catalogue.parse(RuleFiles.bundled().files().getOrDefault(RuleFiles.CATALOGUE, ""));
      } catch (RulesException e) {
        c = Catalogue.parse("");
      }
      bundled = c;
    }
    return c;
  }

  /** The text of {@code words.KEY}, its placeholders filled from name, value pairs. */
  public String say(String key, Object... nameValues) {
    String full = PREFIX + key;
    String text = catalogue.text(full);
    if (text == null) {
      text = fallback.text(full);
    }
    if (text == null) {
      return key;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      params.put(String.valueOf(nameValues[i]), String.valueOf(nameValues[i + 1]));
    }
    return Catalogue.fillPlain(text, params);
  }

  /** An outcome code in words: {@code tcp.timed_out} reads "no answer (timed out)". */
  public String outcome(String code) {
    String words = say("outcome." + code);
    return words.equals("outcome." + code) ? code : words;
  }

  /**
   * What an app shows, as the catalogue's {@code app.CODE} words ("Login Failed"), else the code.
   */
  public String app(String code) {
    String words = catalogue.text(Catalogue.APP_PREFIX + code);
    if (words == null) {
      words = fallback.text(Catalogue.APP_PREFIX + code);
    }
    return words == null ? code.replace('_', ' ') : words;
  }

  /** A layer's name as reports title it. */
  public String layer(String layer) {
    String words = say("layer." + layer);
    return words.equals("layer." + layer) ? layer : words;
  }

  /** A unix time as a date: "12 March 2026". */
  public String date(long unixSeconds) {
    return format("date", unixSeconds);
  }

  /** A unix time as a date and time in UTC: "12 March 2026, 21:20 UTC". */
  public String dateTime(long unixSeconds) {
    return format("date.time", unixSeconds);
  }

  private String format(String key, long unixSeconds) {
    Locale locale = Locale.forLanguageTag(say("language"));
    try {
      return DateTimeFormatter.ofPattern(say(key), locale)
          .withZone(ZoneOffset.UTC)
          .format(Instant.ofEpochSecond(unixSeconds));
    } catch (IllegalArgumentException e) {
      return DateTimeFormatter.ISO_LOCAL_DATE
          .withZone(ZoneOffset.UTC)
          .format(Instant.ofEpochSecond(unixSeconds));
    }
  }
}
