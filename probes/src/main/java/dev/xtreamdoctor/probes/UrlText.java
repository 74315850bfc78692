package dev.xtreamdoctor.probes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading the parts of a URL as typed: query pairs and percent escapes, leniently. */
final class UrlText {
  private UrlText() {}

  /** The index of the first of these characters in {@code s}, or its length. */
  static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  static Map<String, String> rawQuery(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.putIfAbsent(
            queryDecode(pair.substring(0, eq)).toLowerCase(Locale.ROOT), pair.substring(eq + 1));
      }
    }
    return out;
  }

  /** A query value: {@code +} is a space, {@code %XX} a byte; a broken escape is kept as typed. */
  static String queryDecode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }

  /** A path segment: {@code %XX} only; {@code +} stays a plus. */
  static String percentDecode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return raw;
    }
  }
}
