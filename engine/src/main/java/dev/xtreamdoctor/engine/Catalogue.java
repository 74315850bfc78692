package dev.xtreamdoctor.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words users read, kept beside the rules in {@code rules/catalogue.properties} (English) and
 * one {@code catalogue_LANG.properties} per other language, so support staff edit them without
 * Java. Keys per cause id: {@code ID.title} (what is wrong), {@code ID.impact} (what it breaks),
 * {@code ID.fix.1}, {@code ID.fix.2}... (the fixes, in order). Per category: {@code
 * category.NAME.title}. What an app shows when a login fails: {@code app.CODE = Words on the
 * screen}. The devices a user may name: {@code device.CODE = Name}. Steps that differ per device:
 * {@code how.KIND} (any device) and {@code how.KIND.DEVICE}, written into a text as {@code
 * {how.KIND}}. The report's own words: {@code report.NAME}. Words for a code a rule puts in a
 * placeholder: {@code NAME.CODE} ({@code field.username = username}). The words around the findings
 * (verdict, headings, what each layer saw) are {@code words.*} keys ({@link ReportWords}).
 *
 * <p>Texts may hold {@code {name}} placeholders, filled from the finding's params. A catalogue in
 * another language falls back to English key by key, so a key not yet translated still shows.
 */
public final class Catalogue {
  /**
   * {@code {name}}, {@code {how.KIND}}, or {@code {name|one|other}}: the number and its word in the
   * right form ("1 connection", "2 connections"); evidence texts may also name a value's form,
   * {@code {name,date}} ({@link EvidenceWords}).
   */
  static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\{([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z][a-zA-Z0-9_]*)?)(?:,[a-z]+)?(?:\\|([^|{}]*)\\|([^|{}]*))?}");

  /** The language of the bundled catalogue.properties. */
  public static final String ENGLISH = "en";

  /** The prefix of the keys that list what apps show: {@code app.login_failed = Login Failed}. */
  public static final String APP_PREFIX = "app.";

  /** The prefix of the keys that list the devices: {@code device.fire_tv = Fire TV / Firestick}. */
  public static final String DEVICE_PREFIX = "device.";

  /** The prefix of the steps that differ per device: {@code how.dns}, {@code how.dns.fire_tv}. */
  public static final String HOW_PREFIX = "how.";

  /** The prefix of the report's own words: {@code report.what_to_do = What to do}. */
  public static final String REPORT_PREFIX = "report.";

  /** An ISO-8601 span of days and hours ({@code P2DT5H}) in a param: said in words. */
  private static final Pattern SPAN = Pattern.compile("P(?:(\\d+)D)?(?:T(\\d+)H)?");

  /**
   * An ISO-8601 instant in UTC ({@code 2026-03-12T21:20:00Z}) in a param: said as the language
   * writes a date and time ({@code words.date.time}).
   */
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2})?Z");

  private final Properties texts;

  /** The keys in the order the file has them (Properties forgets it). */
  private final List<String> order;

  private final String language;

  /** Where a key this one lacks is looked up: English, or null for English itself. */
  private final Catalogue fallback;

  /** The user's device, as {@code device.CODE} names it, or empty. */
  private final String device;

  private Catalogue(
      Properties texts, List<String> order, String language, Catalogue fallback, String device) {
    this.texts = texts;
    this.order = List.copyOf(order);
    this.language = language;
    this.fallback = fallback;
    this.device = device;
  }

  /** The English catalogue, from the text of catalogue.properties. */
  public static Catalogue parse(String text) {
    return parse(text, ENGLISH);
  }

  /** A catalogue in this language (a tag such as {@code es} or {@code pt-BR}), on its own. */
  public static Catalogue parse(String text, String language) {
    List<String> order = new ArrayList<>();
    Properties p =
        new Properties() {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized Object put(Object key, Object value) {
            if (!containsKey(key)) {
              order.add((String) key);
            }
            return super.put(key, value);
          }
        };
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the catalogue cannot be read: " + e.getMessage(), e);
    }
    return new Catalogue(p, order, language, null, "");
  }

  /** This catalogue's words, with {@code english} for every key it lacks. */
  public Catalogue over(Catalogue english) {
    return new Catalogue(texts, order, language, english, device);
  }

  /**
   * These words for a user with this device (a {@code device.CODE} code, or empty): {@code
   * {how.KIND}} becomes {@code how.KIND.DEVICE} where the catalogue has it, else {@code how.KIND}.
   */
  public Catalogue forDevice(String deviceCode) {
    String d = deviceCode == null ? "" : deviceCode;
    return d.equals(device) ? this : new Catalogue(texts, order, language, fallback, d);
  }

  /** The language of these words: {@code en}, {@code es}, {@code pt-BR}... */
  public String language() {
    return language;
  }

  /** The device these words are for, or empty. */
  public String device() {
    return device;
  }

  public boolean hasCause(String causeId) {
    return text(causeId + ".title") != null;
  }

  public String title(String causeId, Map<String, String> params) {
    String t = text(causeId + ".title");
    return fill(t == null ? causeId : t, params);
  }

  public String impact(String causeId, Map<String, String> params) {
    String t = text(causeId + ".impact");
    return fill(t == null ? "" : t, params);
  }

  public List<String> fixes(String causeId, Map<String, String> params) {
    List<String> fixes = new ArrayList<>();
    for (int i = 1; text(causeId + ".fix." + i) != null; i++) {
      fixes.add(fill(text(causeId + ".fix." + i), params));
    }
    return fixes;
  }

  public String categoryTitle(String category) {
    String t = text("category." + category + ".title");
    return t == null ? category : t;
  }

  /**
   * One of the report's own words ({@code report.NAME}), its {@code {placeholders}} filled from
   * {@code params}; the name itself if no catalogue has it.
   */
  public String report(String name, Map<String, String> params) {
    String t = text(REPORT_PREFIX + name);
    if (t == null) {
      // a rule set written before these words existed: the bundled English ones
      Catalogue english = bundled(ENGLISH);
      t = english == this ? null : english.text(REPORT_PREFIX + name);
    }
    return t == null ? name : fill(t, params);
  }

  private static volatile Map<String, Catalogue> bundled;

  /**
   * The bundled words in a language (over English), English for one they lack: for renderers made
   * without a rule set's words.
   */
  public static Catalogue bundled(String language) {
    Map<String, Catalogue> known = bundled;
    if (known == null) {
      Map<String, Catalogue> read = new LinkedHashMap<>();
      try {
        RuleFiles files = RuleFiles.bundled();
        Catalogue english = parse(files.files().getOrDefault(RuleFiles.CATALOGUE, ""));
        read.put(ENGLISH, english);
        files
            .files()
            .forEach(
                (name, text) ->
                    Languages.ofFile(name)
                        .ifPresent(tag -> read.put(tag, parse(text, tag).over(english))));
      } catch (RulesException | IllegalArgumentException e) {
        read.put(ENGLISH, parse(""));
      }
      known = Map.copyOf(read);
      bundled = known;
    }
    return known.getOrDefault(language, known.get(ENGLISH));
  }

  /** {@link #report(String, Map)} without placeholders. */
  public String report(String name) {
    return report(name, Map.of());
  }

  /**
   * A count in words: {@code report.NAME.one} for 1, else {@code report.NAME.other}, with {@code
   * {n}} filled.
   */
  public String count(String name, long n) {
    return report(name + (n == 1 ? ".one" : ".other"), Map.of("n", String.valueOf(n)));
  }

  /** Every cause id that has a title. */
  public Set<String> causeIds() {
    Set<String> ids = new TreeSet<>();
    for (String key : allKeys()) {
      if (key.endsWith(".title")
          && !key.startsWith("category.")
          && Character.isUpperCase(key.charAt(0))) {
        ids.add(key.substring(0, key.length() - ".title".length()));
      }
    }
    return ids;
  }

  /**
   * What an app shows when the login fails, as the catalogue lists it: code (as facts and rules
   * write it, e.g. {@code login_failed}) to the words on the screen, in the English file's order.
   */
  public Map<String, String> appMessages() {
    return listed(APP_PREFIX);
  }

  /**
   * The devices a user may name, as the catalogue lists them: code (as {@code
   * ReportedSymptoms.device} takes it, e.g. {@code fire_tv}) to its name, in the English file's
   * order. {@code device.CODE.aliases} (other spellings a user may type) is not a device.
   */
  public Map<String, String> devices() {
    return listed(DEVICE_PREFIX);
  }

  /**
   * Other spellings of a device a user may type ({@code device.fire_tv.aliases = firestick, fire
   * stick}), in lower case.
   */
  public List<String> deviceAliases(String code) {
    String t = text(DEVICE_PREFIX + code + ".aliases");
    if (t == null || t.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String a : t.split(",")) {
      if (!a.isBlank()) {
        out.add(a.strip().toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private Map<String, String> listed(String prefix) {
    Catalogue base = fallback == null ? this : fallback;
    Map<String, String> listed = new LinkedHashMap<>();
    for (String key : base.order) {
      String code = key.substring(Math.min(prefix.length(), key.length()));
      if (key.startsWith(prefix) && code.indexOf('.') < 0 && base.texts.containsKey(key)) {
        listed.put(code, text(key));
      }
    }
    for (String key : order) { // a language file may list one English does not
      String code = key.substring(Math.min(prefix.length(), key.length()));
      if (key.startsWith(prefix) && code.indexOf('.') < 0 && !listed.containsKey(code)) {
        listed.put(code, text(key));
      }
    }
    return Collections.unmodifiableMap(listed);
  }

  /** Every key of this file (not its fallback's), for lint. */
  public Set<String> keys() {
    return new TreeSet<>(texts.stringPropertyNames());
  }

  /** The keys of this file in the order it has them. */
  List<String> order() {
    return order;
  }

  private Set<String> allKeys() {
    Set<String> all = new TreeSet<>(texts.stringPropertyNames());
    if (fallback != null) {
      all.addAll(fallback.allKeys());
    }
    return all;
  }

  /** The text of a key, in this language or else in English; null if neither has it. */
  public String text(String key) {
    String own = texts.getProperty(key);
    return own != null || fallback == null ? own : fallback.text(key);
  }

  /** The text of a key in this file only, never its fallback's; null if it lacks it. */
  public String ownText(String key) {
    return texts.getProperty(key);
  }

  /**
   * Replaces {name} with its param, {how.KIND} with the steps for the device; a param that is a
   * code the catalogue has words for ({@code NAME.CODE}) shows as those words, a span of days and
   * hours ({@code P2DT5H}) in words, an instant ({@code 2026-03-12T21:20:00Z}) as the language's
   * date and time. A placeholder without a value stays visible, unfilled.
   */
  String fill(String text, Map<String, String> params) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = name.startsWith(HOW_PREFIX) ? how(name) : words(name, params.get(name));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value != null ? plural(m, value) : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A value with the word of {@code {name|one|other}} after it, in the form its number takes. */
  private static String plural(Matcher m, String value) {
    return m.group(2) == null
        ? value
        : value + " " + (value.strip().equals("1") ? m.group(2) : m.group(3));
  }

  /**
   * Fills placeholders from params alone (no words for codes, no device): for the report's own
   * words ({@link ReportWords}).
   */
  static String fillPlain(String text, Map<String, String> params) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = params.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value != null ? plural(m, value) : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String how(String name) {
    String steps = device.isEmpty() ? null : text(name + "." + device);
    return steps != null ? steps : text(name);
  }

  private String words(String name, String value) {
    if (value == null || value.isEmpty() || value.length() > 60) {
      return value;
    }
    String code = code(value);
    if (!code.isEmpty() && name.indexOf('.') < 0) {
      String w = text(name + "." + code);
      if (w != null) {
        return w;
      }
    }
    Matcher span = SPAN.matcher(value);
    if (span.matches() && (span.group(1) != null || span.group(2) != null)) {
      return span(span.group(1), span.group(2));
    }
    if (INSTANT.matcher(value).matches()) {
      return ReportWords.of(this).dateTime(java.time.Instant.parse(value).getEpochSecond());
    }
    return value;
  }

  /** A value as a key part: lower case, runs of anything but letters and digits as one _. */
  static String code(String value) {
    String c = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return c.replaceAll("^_|_$", "");
  }

  private String span(String days, String hours) {
    long d = days == null ? 0 : Long.parseLong(days);
    long h = hours == null ? 0 : Long.parseLong(hours);
    if (d == 0) {
      return count("hours", h);
    }
    if (h == 0) {
      return count("days", d);
    }
    return report("days_and_hours", Map.of("days", count("days", d), "hours", count("hours", h)));
  }
}
