package dev.xtreamdoctor.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which language to answer in, from what a user or a client asks for: a tag ({@code es}, {@code
 * pt-BR}), a POSIX locale ({@code es_ES.UTF-8}, {@code de_DE@euro}, {@code C}), or an HTTP {@code
 * Accept-Language} header. A language the rules have no words for is matched by its base language
 * ({@code es-MX} gets {@code es}, {@code pt} and {@code pt-PT} get {@code pt-BR} if that is the
 * only Portuguese); English is the answer when nothing matches.
 */
public final class Languages {
  /**
   * The file of a language's words: {@code catalogue_es.properties}, {@code
   * catalogue_pt_BR.properties}.
   */
  private static final Pattern FILE =
      Pattern.compile("catalogue_([a-z]{2,3})(?:_([A-Z]{2}))?\\.properties");

  private static final Pattern POSIX =
      Pattern.compile("([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|[0-9]{3}))?(?:\\.[^@]*)?(?:@.*)?");

  private Languages() {}

  /**
   * The language tag of a catalogue file name, if it is one ({@code catalogue_pt_BR.properties} is
   * {@code pt-BR}).
   */
  public static Optional<String> ofFile(String fileName) {
    Matcher m = FILE.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2));
  }

  /** The catalogue file of a language tag: {@code pt-BR} is {@code catalogue_pt_BR.properties}. */
  public static String fileOf(String tag) {
    return tag.equals(Catalogue.ENGLISH)
        ? RuleFiles.CATALOGUE
        : "catalogue_" + tag.replace('-', '_') + ".properties";
  }

  /**
   * A language as written by a user or a locale, as a tag ({@code es_ES.UTF-8} is {@code es-ES},
   * {@code PT_br} is {@code pt-BR}); empty for {@code C}, {@code POSIX} and what is no language.
   */
  public static Optional<String> tag(String given) {
    if (given == null) {
      return Optional.empty();
    }
    String s = given.strip();
    Matcher m = POSIX.matcher(s);
    if (s.isEmpty() || s.equalsIgnoreCase("C") || s.equalsIgnoreCase("POSIX") || !m.matches()) {
      return Optional.empty();
    }
    String lang = m.group(1).toLowerCase(Locale.ROOT);
    return Optional.of(
        m.group(2) == null ? lang : lang + "-" + m.group(2).toUpperCase(Locale.ROOT));
  }

  /**
   * The language of {@code available} (tags, English among them) that best serves this one, if any:
   * the same tag, else the same base language (the region-less one first).
   */
  public static Optional<String> match(String given, Collection<String> available) {
    Optional<String> t = tag(given);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String tag = t.get();
    for (String a : available) {
      if (a.equalsIgnoreCase(tag)) {
        return Optional.of(a);
      }
    }
    String base = base(tag);
    return available.stream()
        .filter(a -> base(a).equals(base))
        .min(Comparator.comparingInt(String::length));
  }

  /**
   * The language of a command line's environment: {@code LC_ALL}, else {@code LC_MESSAGES}, else
   * {@code LANG} (the first one set and not empty, as POSIX reads them); English when that is
   * {@code C}, {@code POSIX} or a language the rules have no words for.
   */
  public static String fromEnvironment(Map<String, String> env, Collection<String> available) {
    for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return match(v, available).orElse(Catalogue.ENGLISH);
      }
    }
    return Catalogue.ENGLISH;
  }

  /**
   * The language an HTTP {@code Accept-Language} header prefers among {@code available}, by its
   * quality values (RFC 9110, 12.5.4); English when it names none of them, or is absent.
   */
  public static String fromAcceptLanguage(String header, Collection<String> available) {
    if (header == null || header.isBlank() || header.length() > 1000) {
      return Catalogue.ENGLISH;
    }
    record Wanted(String tag, double q, int at) {}
    List<Wanted> wanted = new ArrayList<>();
    String[] parts = header.split(",");
    for (int i = 0; i < parts.length && i < 50; i++) {
      String[] bits = parts[i].strip().split(";");
      double q = 1;
      for (int j = 1; j < bits.length; j++) {
        String b = bits[j].strip();
        if (b.startsWith("q=") || b.startsWith("Q=")) {
          try {
            q = Double.parseDouble(b.substring(2).strip());
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (q > 0 && !bits[0].isBlank()) {
        wanted.add(new Wanted(bits[0].strip(), q, i));
      }
    }
    wanted.sort(Comparator.comparingDouble((Wanted w) -> -w.q()).thenComparingInt(Wanted::at));
    for (Wanted w : wanted) {
      if (w.tag().equals("*")) {
        return Catalogue.ENGLISH;
      }
      Optional<String> m = match(w.tag(), available);
      if (m.isPresent()) {
        return m.get();
      }
    }
    return Catalogue.ENGLISH;
  }

  private static String base(String tag) {
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }
}
