package dev.xtreamdoctor.engine.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One observation behind a finding, as a catalogue key and its named values: {@code
 * Evidence.of("evidence.login.accepted", "status", "Active")}. The words live in {@code
 * rules/catalogue.properties} (and each catalogue_LANG.properties) under the key, so the same
 * observation reads in the user's language; the values are what was observed (server text, masked
 * URLs, numbers), never translated. A value may be another evidence (a part of the sentence with
 * its own key), rendered in the same language.
 *
 * <p>A sentence a rule writes without a key ({@code because("Some words")}) is kept as it is, in
 * the one language it was written in: {@link #literal}.
 *
 * @param key the catalogue key, {@code evidence.*}; empty for a sentence written without a key
 * @param params the values for the key's placeholders, in the order given: a {@code String}, a
 *     {@code Long} (a count, milliseconds, a unix time...) or an {@code Evidence}; a literal
 *     sentence has its text under {@code text}
 */
public record Evidence(String key, Map<String, Object> params) {
  /** The prefix of every evidence key in the catalogue. */
  public static final String PREFIX = "evidence.";

  public Evidence {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * Evidence with this key and values given as name, value pairs: {@code of("evidence.x", "port",
   * 8080, "address", "1.2.3.4")}. A first argument that is no key ({@code evidence.} and no space)
   * is a sentence of its own ({@link #literal}).
   */
  public static Evidence of(String key, Object... nameValues) {
    if (!isKey(key)) {
      return literal(key);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      params.put(String.valueOf(nameValues[i]), value(nameValues[i + 1]));
    }
    if (nameValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          key + ": the values come in pairs, a name then its value; the last one has no value");
    }
    return new Evidence(key, params);
  }

  /** A sentence written without a key: shown as it is, in every language. */
  public static Evidence literal(String text) {
    return new Evidence("", Map.of("text", text == null ? "" : text));
  }

  /**
   * The items as one part of a sentence, joined the language's way: "a", "a and b", "a, b and c"
   * ({@code evidence.list.two}, {@code evidence.list.more}).
   */
  public static Object list(List<?> items) {
    if (items.isEmpty()) {
      return "";
    }
    Object last = value(items.get(items.size() - 1));
    if (items.size() == 1) {
      return last;
    }
    Object joined = last;
    for (int i = items.size() - 2; i >= 0; i--) {
      joined =
          of(
              i == items.size() - 2 ? "evidence.list.two" : "evidence.list.more",
              "first",
              items.get(i),
              "rest",
              joined);
    }
    return joined;
  }

  /**
   * Whether this text is an evidence key: {@code evidence.} then a dotted name, no spaces; or a
   * device's name, {@code device.CODE}.
   */
  public static boolean isKey(String text) {
    return text != null && text.matches("(evidence|device)\\.[a-z0-9_]+(\\.[a-z0-9_]+)*");
  }

  /** Whether this is a sentence written without a key. */
  public boolean isLiteral() {
    return key.isEmpty();
  }

  private static Object value(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Evidence) {
      return v;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Double || v instanceof Float) {
      return Math.round(((Number) v).doubleValue());
    }
    return String.valueOf(v);
  }
}
