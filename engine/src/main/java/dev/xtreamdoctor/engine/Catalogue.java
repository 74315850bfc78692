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
 * category: {@code category.NAME.title}. Texts may hold {@code {name}} placeholders, filled from
 * the finding's params.
 */
public final class Catalogue {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_]*)}");
  private final Properties texts;

  private Catalogue(Properties texts) {
    this.texts = texts;
  }

  public static Catalogue parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the catalogue cannot be read: " + e.getMessage(), e);
    }
    return new Catalogue(p);
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

  /** Every key, for lint. */
  public Set<String> keys() {
    return new TreeSet<>(texts.stringPropertyNames());
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
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
