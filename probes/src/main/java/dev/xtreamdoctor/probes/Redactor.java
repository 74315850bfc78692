package dev.xtreamdoctor.probes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a secret from text in every form it travels in: raw, URL-encoded ({@code +} and {@code
 * %20} spaces), JSON-escaped and base64. Package-private stand-in until the engine's {@code
 * Redactor} is on main; the coordinator unifies the two.
 */
final class Redactor {
  static final String MASK = "*****";

  /** Shorter secrets would mask ordinary words; their leak would reveal next to nothing. */
  private static final int MIN_SECRET_LENGTH = 3;

  private static final Pattern CREDENTIAL_QUERY =
      Pattern.compile("(?i)([?&](?:username|password|token)=)[^&#\\s\"']*");

  private final List<Pattern> forms;

  Redactor(Collection<String> secrets) {
    Set<String> all = new LinkedHashSet<>();
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        all.addAll(formsOf(s));
        if (!s.strip().equals(s) && s.strip().length() >= MIN_SECRET_LENGTH) {
          all.addAll(formsOf(s.strip()));
        }
      }
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    List<Pattern> patterns = new ArrayList<>();
    for (String f : sorted) {
      patterns.add(Pattern.compile(Pattern.quote(f), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    this.forms = List.copyOf(patterns);
  }

  static Redactor of(Secret secret) {
    return new Redactor(secret == null ? List.of() : List.of(secret.reveal()));
  }

  static Redactor none() {
    return new Redactor(List.of());
  }

  /** The text with every form of the secret masked. */
  String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String out = text;
    for (Pattern p : forms) {
      out = p.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
    }
    return out;
  }

  /** A URL with its credential query values masked, then scrubbed. */
  String maskUrl(String url) {
    if (url == null || url.isEmpty()) {
      return "";
    }
    return scrub(CREDENTIAL_QUERY.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK)));
  }

  private static List<String> formsOf(String s) {
    List<String> f = new ArrayList<>();
    f.add(s);
    String form = URLEncoder.encode(s, StandardCharsets.UTF_8);
    f.add(form);
    f.add(form.replace("+", "%20"));
    f.add(form.toLowerCase(Locale.ROOT));
    f.add(jsonEscaped(s));
    f.add(jsonEscaped(s).replace("\\/", "/"));
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    f.add(Base64.getEncoder().encodeToString(bytes));
    f.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
    f.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    return f;
  }

  /** PHP json_encode's form: slashes and non-ASCII escaped. */
  static String jsonEscaped(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '/' -> b.append("\\/");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
