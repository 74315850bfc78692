package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code catalogue.properties} against the rules: every key has a shape the program reads (a
 * misspelt one would be silently ignored, and its words never shown), names a cause some rule
 * concludes and a category that exists, its fixes are numbered without gaps, and every {@code
 * {placeholder}} in a text is filled by the rules that conclude its cause (else users would read
 * the raw {@code {name}}). Each problem names the key at its line.
 */
final class CatalogueLint {
  private static final Pattern APP_CODE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
  private static final Pattern CAUSE_KEY =
      Pattern.compile("([A-Z][A-Z0-9_]*)\\.(title|impact|fix\\.([1-9][0-9]*))");
  private static final Pattern FILLED = Pattern.compile("\\bwith\\s*\\(\\s*(\"([^\"]*)\"|[^,)]*)");
  private static final List<String> CAUSE_PARTS = List.of("title", "impact", "fix.1");

  /** One key of the file, where it is written. */
  record Entry(String key, String value, int line, int column, int valueLine, int valueColumn) {}

  private CatalogueLint() {}

  static List<RuleLint.Problem> check(RuleFiles files, RuleSource source, Catalogue catalogue) {
    String file = files.displayName(RuleFiles.CATALOGUE);
    List<RuleLint.Problem> problems = new ArrayList<>();
    Fills fills = Fills.of(source);
    Set<String> named = EvidenceLint.named(files).keySet();
    for (Entry e : entries(files.files().getOrDefault(RuleFiles.CATALOGUE, ""))) {
      if (e.key().startsWith(dev.xtreamdoctor.engine.facts.Evidence.PREFIX)) {
        EvidenceLint.key(named, file, e, problems);
      } else {
        entry(file, e, source, catalogue, fills, problems);
      }
    }
    EvidenceLint.rules(files, catalogue, problems);
    EvidenceLint.unkeyed(files, problems);
    CatalogueWordsLint.languages(files, catalogue, problems);
    return problems;
  }

  /**
   * What the rules conclude, and for each cause the placeholders its rules fill in (open-ended when
   * a rule fills a name it computes).
   */
  private record Fills(
      Set<String> concluded, Map<String, Set<String>> filled, Set<String> openEnded) {
    static Fills of(RuleSource source) {
      Set<String> concluded = new TreeSet<>();
      Map<String, Set<String>> filled = new HashMap<>();
      Set<String> openEnded = new HashSet<>();
      for (RuleSource.RuleText r : source.rules()) {
        Set<String> fills = new HashSet<>();
        boolean dynamic = false;
        Matcher m = FILLED.matcher(r.consequence());
        while (m.find()) {
          if (m.group(2) != null) {
            fills.add(m.group(2));
          } else {
            dynamic = true;
          }
        }
        for (RuleSource.WrittenFinding c : r.concludes()) {
          concluded.add(c.causeId());
          filled.computeIfAbsent(c.causeId(), k -> new TreeSet<>()).addAll(fills);
          if (dynamic) {
            openEnded.add(c.causeId());
          }
        }
      }
      return new Fills(concluded, filled, openEnded);
    }
  }

  /** One key of the catalogue, by its kind: a category, the report's words, an app, a cause. */
  private static void entry(
      String file,
      Entry e,
      RuleSource source,
      Catalogue catalogue,
      Fills fills,
      List<RuleLint.Problem> problems) {
    String key = e.key();
    if (key.startsWith("category.")) {
      String category = key.substring("category.".length()).replaceFirst("\\.title$", "");
      if (!key.endsWith(".title")) {
        problems.add(
            error(
                file,
                e,
                "unknown key "
                    + key
                    + ": a category has only a title, category."
                    + category
                    + ".title"));
      } else if (!Vocabulary.CATEGORIES.contains(category)) {
        problems.add(
            error(
                file,
                e,
                "unknown key "
                    + key
                    + ": there is no category "
                    + category
                    + RuleLint.didYouMean(category, Vocabulary.CATEGORIES)
                    + "; the categories are "
                    + String.join(", ", Vocabulary.CATEGORIES)));
      }
      return;
    }
    if (key.startsWith(ReportWords.PREFIX)) {
      java.util.Set<String> known = ReportWords.knownKeys();
      if (!known.contains(key)) {
        problems.add(
            error(
                file,
                e,
                "unknown key "
                    + key
                    + RuleLint.didYouMean(key, known)
                    + ": the report's own words are a fixed list of words.* keys (see the bundled catalogue.properties)"));
      }
      return;
    }
    if (key.startsWith(Catalogue.APP_PREFIX)) {
      String code = key.substring(Catalogue.APP_PREFIX.length());
      if (!APP_CODE.matcher(code).matches()) {
        problems.add(
            error(
                file,
                e,
                "unknown key "
                    + key
                    + ": what an app shows is written app.CODE = Words on the screen, the CODE in lower-case"
                    + " words joined by _ (e.g. app.server_error_884)"));
      } else if (e.value().isBlank()) {
        problems.add(
            error(
                file,
                e,
                key
                    + " has no words: write what the app shows, e.g. "
                    + key
                    + " = Server Error 884"));
      }
      return;
    }
    if (Character.isLowerCase(key.charAt(0))) {
      CatalogueWordsLint.wordsKey(file, e, catalogue, problems);
      return;
    }
    causeKey(file, e, key, source, catalogue, fills, problems);
  }

  /**
   * A cause's key: its rule must exist, its fixes numbered without a gap, its placeholders filled.
   */
  private static void causeKey(
      String file,
      Entry e,
      String key,
      RuleSource source,
      Catalogue catalogue,
      Fills fills,
      List<RuleLint.Problem> problems) {
    Matcher k = CAUSE_KEY.matcher(key);
    if (!k.matches()) {
      String cause = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
      String part = key.contains(".") ? key.substring(key.indexOf('.') + 1) : "";
      problems.add(
          error(
              file,
              e,
              "unknown key "
                  + key
                  + (part.isEmpty()
                      ? ""
                      : RuleLint.didYouMean(part, CAUSE_PARTS)
                          .replace("did you mean ", "did you mean " + cause + "."))
                  + ": a cause's keys are CAUSE.title, CAUSE.impact and CAUSE.fix.1, CAUSE.fix.2, ...; the other keys are"
                  + " category.CATEGORY.title, app.CODE, words.*, device.CODE, how.KIND, report.NAME and NAME.CODE"));
      return;
    }
    String cause = k.group(1);
    if (!source.unreadable().isEmpty()) {
      return; // some rules could not be read: which causes they conclude is not known
    }
    if (!fills.concluded().contains(cause)) {
      String near = RuleLint.didYouMean(cause, fills.concluded());
      if (!near.isEmpty()) {
        problems.add(
            error(
                file,
                e,
                "unknown key "
                    + key
                    + ": no rule concludes "
                    + cause
                    + near
                    + ", so these words are never shown"));
      } else {
        problems.add(
            warning(file, e, "no rule concludes " + cause + ", so " + key + " is never shown"));
      }
      return;
    }
    if (k.group(3) != null) {
      int n = Integer.parseInt(k.group(3));
      if (n > 1 && catalogue.text(cause + ".fix." + (n - 1)) == null) {
        problems.add(
            error(
                file,
                e,
                key
                    + " is never shown: fixes are read from "
                    + cause
                    + ".fix.1 up to the first missing number; add "
                    + cause
                    + ".fix."
                    + (n - 1)
                    + " or renumber"));
      }
    }
    placeholders(
        file,
        e,
        cause,
        fills.filled().getOrDefault(cause, Set.of()),
        fills.openEnded().contains(cause),
        catalogue,
        problems);
  }

  static Set<String> placeholderNames(String text) {
    Set<String> names = new TreeSet<>();
    Matcher p = Catalogue.PLACEHOLDER.matcher(text);
    while (p.find()) {
      names.add(p.group(1));
    }
    return names;
  }

  static String braces(Set<String> names) {
    return String.join(", ", names.stream().map(n -> "{" + n + "}").toList());
  }

  /**
   * Whether the catalogue has a key for this cause in no shape the program reads (EXPIRED.titel).
   */
  static boolean hasMisspeltKey(Catalogue catalogue, String cause) {
    return catalogue.keys().stream()
        .anyMatch(k -> k.startsWith(cause + ".") && !CAUSE_KEY.matcher(k).matches());
  }

  private static void placeholders(
      String file,
      Entry e,
      String cause,
      Set<String> filled,
      boolean openEnded,
      Catalogue catalogue,
      List<RuleLint.Problem> problems) {
    Matcher p = Catalogue.PLACEHOLDER.matcher(e.value());
    while (p.find()) {
      String name = p.group(1);
      if (filled.contains(name) || openEnded && !name.startsWith(Catalogue.HOW_PREFIX)) {
        continue; // openEnded: some rule fills a name computed at run time, nothing certain to say
      }
      if (name.startsWith(Catalogue.HOW_PREFIX)) {
        if (catalogue.text(name) == null) {
          int[] at = position(e, p.start());
          problems.add(
              new RuleLint.Problem(
                  true,
                  new RuleProblem(
                      file,
                      at[0],
                      at[1],
                      "the placeholder {"
                          + name
                          + "} in "
                          + e.key()
                          + " has no steps: add "
                          + name
                          + " = the words for any device")));
        }
        continue;
      }
      int[] at = position(e, p.start());
      problems.add(
          new RuleLint.Problem(
              true,
              new RuleProblem(
                  file,
                  at[0],
                  at[1],
                  "the placeholder {"
                      + name
                      + "} in "
                      + e.key()
                      + " is filled by no rule that concludes "
                      + cause
                      + RuleLint.didYouMean(name, filled)
                          .replaceAll("did you mean (\\w+)\\?", "did you mean {$1}?")
                      + (filled.isEmpty()
                          ? ""
                          : "; they fill "
                              + String.join(", ", filled.stream().map(f -> "{" + f + "}").toList()))
                      + "; users would read it as it is written")));
    }
  }

  /** The 1-based line and column of a character of an entry's value, as written. */
  private static int[] position(Entry e, int offset) {
    return new int[] {e.valueLine(), e.valueColumn() + offset};
  }

  /**
   * The file's keys with their places, read the way {@link java.util.Properties} reads them
   * (comments, {@code =} or {@code :} or a space between key and value, a trailing backslash
   * continues the line). Escapes are kept as written: this is for places and names, not for the
   * words.
   */
  static List<Entry> entries(String text) {
    List<Entry> entries = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int start = 0;
      while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
        start++;
      }
      if (start == line.length() || line.charAt(start) == '#' || line.charAt(start) == '!') {
        continue;
      }
      int end = start;
      while (end < line.length() && !isSeparator(line.charAt(end))) {
        end += line.charAt(end) == '\\' ? 2 : 1;
      }
      end = Math.min(end, line.length());
      int value = end;
      while (value < line.length() && Character.isWhitespace(line.charAt(value))) {
        value++;
      }
      if (value < line.length() && (line.charAt(value) == '=' || line.charAt(value) == ':')) {
        value++;
      }
      while (value < line.length() && Character.isWhitespace(line.charAt(value))) {
        value++;
      }
      StringBuilder v = new StringBuilder(line.substring(value));
      int first = i;
      while (endsWithContinuation(lines.get(i)) && i + 1 < lines.size()) {
        v.setLength(v.length() - 1);
        i++;
        v.append(lines.get(i).stripLeading());
      }
      entries.add(
          new Entry(
              line.substring(start, end).replace("\\", ""),
              v.toString(),
              first + 1,
              start + 1,
              first + 1,
              value + 1));
    }
    return entries;
  }

  private static boolean isSeparator(char c) {
    return c == '=' || c == ':' || Character.isWhitespace(c);
  }

  private static boolean endsWithContinuation(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  static RuleLint.Problem error(String file, Entry e, String message) {
    return new RuleLint.Problem(true, new RuleProblem(file, e.line(), e.column(), message));
  }

  static RuleLint.Problem warning(String file, Entry e, String message) {
    return new RuleLint.Problem(false, new RuleProblem(file, e.line(), e.column(), message));
  }
}
