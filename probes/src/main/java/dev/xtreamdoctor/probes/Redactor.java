package dev.xtreamdoctor.probes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The probes' view of the engine's {@link dev.xtreamdoctor.engine.Redactor}, bound to one
 * diagnosis's password. On top of the engine's forms it matches the raw, URL-encoded and
 * JSON-escaped forms regardless of case (a page may upper-case what it echoes), and leaves very
 * short passwords to URL masking alone, since masking every "a" in a text hides more than it
 * protects.
 */
final class Redactor {
  static final String MASK = dev.xtreamdoctor.engine.Redactor.MASK;

  /** Shorter secrets would mask ordinary words; their leak would reveal next to nothing. */
  private static final int MIN_SECRET_LENGTH = 3;

  private final List<String> secrets;
  private final List<Pattern> caseless;

  Redactor(Collection<String> given) {
    Set<String> all = new LinkedHashSet<>();
    for (String s : given) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        all.add(s);
        if (s.strip().length() >= MIN_SECRET_LENGTH) {
          all.add(s.strip()); // the trimmed login variant sends this one
        }
      }
    }
    this.secrets = List.copyOf(all);
    Set<String> forms = new LinkedHashSet<>();
    for (String s : secrets) {
      forms.addAll(dev.xtreamdoctor.engine.Redactor.textForms(s));
    }
    List<String> sorted = new ArrayList<>(forms);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    List<Pattern> patterns = new ArrayList<>();
    for (String f : sorted) {
      patterns.add(Pattern.compile(Pattern.quote(f), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
    this.caseless = List.copyOf(patterns);
  }

  static Redactor of(Secret secret) {
    return new Redactor(secret == null ? List.of() : List.of(secret.reveal()));
  }

  static Redactor none() {
    return new Redactor(List.of());
  }

  /** The text with every form of the password masked, and passwords in URLs masked. */
  String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String out = text;
    for (Pattern p : caseless) {
      out = p.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
    }
    for (String s : secrets) {
      out = dev.xtreamdoctor.engine.Redactor.scrub(out, s);
    }
    return dev.xtreamdoctor.engine.Redactor.maskUrl(out);
  }

  /** A URL (a Location header, a typed server) with its password masked. */
  String maskUrl(String url) {
    return url == null ? "" : scrub(url);
  }
}
