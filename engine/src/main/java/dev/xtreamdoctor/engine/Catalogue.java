package dev.xtreamdoctor.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words users read, kept beside the rules in {@code rules/catalogue.properties} so support
 * staff edit them without Java. Keys per cause id: {@code ID.title} (what is wrong), {@code
 * ID.impact} (what it breaks), {@code ID.fix.1}, {@code ID.fix.2}... (the fixes, in order). Per
 * category: {@code category.NAME.title}. What an app shows when a login fails, as users report it:
 * {@code app.CODE = Words on the screen} (the list {@code diagnose --app-message}, the service and
 * its helpdesk page offer). Texts may hold {@code {name}} placeholders, filled from the finding's
 * params; {@code {name|one|other}} writes the number and its word in singular or plural ("1
 * connection", "2 connections"). The report's own words are {@code words.*} keys ({@link
 * ReportWords}).
 */
public final class Catalogue {
  /** {@code {name}}, or {@code {name|one|other}}: the number and its word in the right form. */
  static final Pattern PLACEHOLDER =
      Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_]*)(?:\\|([^|{}]*)\\|([^|{}]*))?}");
  private final Properties texts;
  /** The keys in the order the file has them (Properties forgets it). */
  private final List<String> order;

  private Catalogue(Properties texts, List<String> order) {
    this.texts = texts;
    this.order = List.copyOf(order);
  }

  public static Catalogue parse(String text) {
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
    return new Catalogue(p, order);
  }

  public boolean hasCause(String causeId) {
    return texts.containsKey(causeId + ".title");
  }

  public String title(String causeId, Map<String, String> params) {
    return fill(texts.getProperty(causeId + ".title", causeId), params);
  }

  public String impact(String causeId, Map<String, String> params) {
    return fill(texts.getProperty(causeId + ".impact", ""), params);
  }

  public List<String> fixes(String causeId, Map<String, String> params) {
    List<String> fixes = new ArrayList<>();
    for (int i = 1; texts.containsKey(causeId + ".fix." + i); i++) {
      fixes.add(fill(texts.getProperty(causeId + ".fix." + i), params));
    }
    return fixes;
  }

  public String categoryTitle(String category) {
    return texts.getProperty("category." + category + ".title", category);
  }

  /** Every cause id that has a title. */
  public Set<String> causeIds() {
    Set<String> ids = new TreeSet<>();
    for (String key : texts.stringPropertyNames()) {
      if (key.endsWith(".title") && !key.startsWith("category.")) {
        ids.add(key.substring(0, key.length() - ".title".length()));
      }
    }
    return ids;
  }

  /** The prefix of the keys that list what apps show: {@code app.login_failed = Login Failed}. */
  public static final String APP_PREFIX = "app.";

  /**
   * What an app shows when the login fails, as the catalogue lists it: code (as facts and rules
   * write it, e.g. {@code login_failed}) to the words on the screen, in the file's order.
   */
  public Map<String, String> appMessages() {
    Map<String, String> messages = new java.util.LinkedHashMap<>();
    for (String key : order) {
      if (key.startsWith(APP_PREFIX) && texts.containsKey(key)) {
        messages.put(key.substring(APP_PREFIX.length()), texts.getProperty(key));
      }
    }
    return java.util.Collections.unmodifiableMap(messages);
  }

  /** Every key, for lint. */
  public Set<String> keys() {
    return new TreeSet<>(texts.stringPropertyNames());
  }

  /** The text of a key, or null. */
  public String text(String key) {
    return texts.getProperty(key);
  }

  /** Replaces {name} with its param; a placeholder without a value stays visible, unfilled. */
  static String fill(String text, Map<String, String> params) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = params.get(m.group(1));
      if (value != null && m.group(2) != null) {
        value = value + " " + (value.strip().equals("1") ? m.group(2) : m.group(3));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
