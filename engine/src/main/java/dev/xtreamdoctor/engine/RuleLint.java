package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rule set for mistakes that compile but hurt users or safety: a value outside a closed
 * vocabulary (category, layer, outcome code, what an app shows) with a did-you-mean, a finding
 * whose cause has no words or no fix in the catalogue, a finding a rule builds but never reports, a
 * loop in a then part, and Java a rule should not call. The catalogue's own mistakes are {@link
 * CatalogueLint}'s. Runs on the text ({@link RuleSource}), so it works on a set that does not
 * compile too.
 */
public final class RuleLint {
  /**
   * One lint problem.
   *
   * @param error true for an error (the rules should not ship), false for a warning
   * @param at where, and what, in plain words
   */
  public record Problem(boolean error, RuleProblem at) {
    @Override
    public String toString() {
      if (error) {
        return at.toString();
      }
      return at.line() == 0
          ? at.file() + ": warning: " + at.message()
          : at.file() + ":" + at.line() + ":" + at.column() + ": warning: " + at.message();
    }
  }

  static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"(.*)\"");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern FINDING_STARTED =
      Pattern.compile("\\bFinding\\s*\\.\\s*(error|warning|info|unchecked)\\s*\\(");
  private static final Pattern INSERTS = Pattern.compile("\\binsert(Logical)?\\s*\\(");

  /**
   * A closed-vocabulary field compared with a text in a condition: {@code outcome == "x"}, {@code
   * layer != "x"}, {@code category in ( "a", "b" )}.
   */
  private static final Pattern COMPARED =
      Pattern.compile(
          "\\b(outcome|category|layer|severity|appMessage)\\s*(?:==|!=|(?:not\\s+)?in\\s*\\(([^)]*)\\))\\s*(\"([^\"]*)\")?");

  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  /** A signal looked for: {@code signals contains "block_page"}. */
  private static final Pattern SIGNAL =
      Pattern.compile("\\bsignals\\s+(?:not\\s+)?contains\\s+\"([^\"]*)\"");

  private RuleLint() {}

  /** Every lint problem of a rule set, errors and warnings, in file order. */
  public static List<Problem> check(
      RuleFiles files, RuleSource source, Optional<Catalogue> catalogue) {
    List<Problem> problems = new ArrayList<>();
    causesAndCategories(files, source, catalogue, problems);
    unreported(files, source, problems);
    vocabulariesInConditions(files, source, catalogue, problems);
    JavaInRulesLint.check(files, source, problems);
    catalogue.ifPresent(c -> problems.addAll(CatalogueLint.check(files, source, c)));
    return problems;
  }

  private static void causesAndCategories(
      RuleFiles files, RuleSource source, Optional<Catalogue> catalogue, List<Problem> problems) {
    Set<String> reported = new TreeSet<>();
    for (RuleSource.RuleText r : source.rules()) {
      for (RuleSource.WrittenFinding c : r.concludes()) {
        categoryAndLayer(files, r, c, problems);
        if (catalogue.isPresent() && reported.add(c.causeId())) {
          causeWords(files, r, c, catalogue.get(), problems);
        }
      }
    }
  }

  /** The category and layer a finding names, each from its closed vocabulary. */
  private static void categoryAndLayer(
      RuleFiles files, RuleSource.RuleText r, RuleSource.WrittenFinding c, List<Problem> problems) {
    String file = files.displayName(r.file());
    if (!c.category().isEmpty() && !Vocabulary.CATEGORIES.contains(c.category())) {
      problems.add(
          error(
              file,
              c.line(),
              column(files, r.file(), c.line(), c.category()),
              "unknown category "
                  + c.category()
                  + " in rule \""
                  + r.name()
                  + "\""
                  + didYouMean(c.category(), Vocabulary.CATEGORIES)
                  + "; the categories are "
                  + String.join(", ", Vocabulary.CATEGORIES)));
    }
    if (!c.layer().isEmpty() && !Vocabulary.LAYERS.contains(c.layer())) {
      problems.add(
          error(
              file,
              c.line(),
              column(files, r.file(), c.line(), c.layer()),
              "unknown layer "
                  + c.layer()
                  + " in rule \""
                  + r.name()
                  + "\""
                  + didYouMean(c.layer(), Vocabulary.LAYERS)
                  + "; the layers are "
                  + String.join(", ", Vocabulary.LAYERS)));
    }
  }

  /** The words a cause needs in the catalogue: a title, a fix, an impact. */
  private static void causeWords(
      RuleFiles files,
      RuleSource.RuleText r,
      RuleSource.WrittenFinding c,
      Catalogue catalogue,
      List<Problem> problems) {
    String file = files.displayName(r.file());
    Set<String> known = catalogue.causeIds();
    int col = column(files, r.file(), c.line(), c.causeId());
    if (CatalogueLint.hasMisspeltKey(catalogue, c.causeId())) {
      return; // the catalogue's check names the misspelt key; once is enough
    }
    if (!known.contains(c.causeId())) {
      boolean someWords = catalogue.keys().stream().anyMatch(k -> k.startsWith(c.causeId() + "."));
      problems.add(
          error(
              file,
              c.line(),
              col,
              someWords
                  ? "the cause "
                      + c.causeId()
                      + " has no title in catalogue.properties: add "
                      + c.causeId()
                      + ".title, what is wrong in one line"
                  : "the cause "
                      + c.causeId()
                      + " has no words in catalogue.properties"
                      + didYouMean(c.causeId(), known)
                      + ": add "
                      + c.causeId()
                      + ".title, "
                      + c.causeId()
                      + ".impact and "
                      + c.causeId()
                      + ".fix.1"));
    } else if (catalogue.fixes(c.causeId(), Map.of()).isEmpty()) {
      problems.add(
          error(
              file,
              c.line(),
              col,
              "the cause "
                  + c.causeId()
                  + " has no fix in catalogue.properties: add "
                  + c.causeId()
                  + ".fix.1, what the user should do"));
    } else if (catalogue.impact(c.causeId(), Map.of()).isBlank()) {
      problems.add(
          warning(
              file,
              c.line(),
              col,
              "the cause "
                  + c.causeId()
                  + " has no impact text in catalogue.properties: add "
                  + c.causeId()
                  + ".impact"));
    }
  }

  /** A rule that starts a finding and never inserts anything: the finding is lost. */
  private static void unreported(RuleFiles files, RuleSource source, List<Problem> problems) {
    for (RuleSource.RuleText r : source.rules()) {
      String consequence = withoutStrings(r.consequence());
      if (!FINDING_STARTED.matcher(consequence).find() || INSERTS.matcher(consequence).find()) {
        continue;
      }
      RuleSource.WrittenFinding first = r.concludes().isEmpty() ? null : r.concludes().get(0);
      int line = first == null ? r.consequenceLine() : first.line();
      int col = first == null ? 1 : first.column();
      String what = first == null ? "a finding" : first.causeId();
      problems.add(
          error(
              files.displayName(r.file()),
              line,
              col,
              "rule \""
                  + r.name()
                  + "\" concludes "
                  + what
                  + " but never reports it: end its then part with 'Report it'"
                  + (r.file().endsWith(".drl") ? " (in a .drl file: insert( finding );)" : "")));
    }
  }

  /** {@code outcome == "dns.answred"} and the like: a value no fact ever carries. */
  private static void vocabulariesInConditions(
      RuleFiles files, RuleSource source, Optional<Catalogue> catalogue, List<Problem> problems) {
    Map<String, Collection<String>> vocabularies = new LinkedHashMap<>();
    vocabularies.put("outcome", Outcome.ALL);
    vocabularies.put("category", Vocabulary.CATEGORIES);
    vocabularies.put("layer", Vocabulary.LAYERS);
    vocabularies.put("severity", Vocabulary.SEVERITIES);
    catalogue.ifPresent(c -> vocabularies.put("appMessage", withEmpty(c.appMessages().keySet())));
    Set<String> signals = new TreeSet<>(Vocabulary.PROBE_SIGNALS);
    signals.addAll(PageSignals.of(files).names());
    for (RuleSource.RuleText r : source.rules()) {
      for (RuleSource.WrittenCondition c : r.conditions()) {
        unknownSignals(files, r, c, signals, problems);
        unknownValues(files, r, c, vocabularies, catalogue, problems);
      }
    }
  }

  /** {@code signals contains "blok_page"}: a signal no answer ever gets. */
  private static void unknownSignals(
      RuleFiles files,
      RuleSource.RuleText r,
      RuleSource.WrittenCondition c,
      Set<String> signals,
      List<Problem> problems) {
    Matcher sig = SIGNAL.matcher(c.text());
    while (sig.find()) {
      if (!signals.contains(sig.group(1))) {
        int[] at = locate(files, r.file(), c.line(), "\"" + sig.group(1) + "\"");
        problems.add(
            error(
                files.displayName(r.file()),
                at[0],
                at[1],
                "unknown signal \""
                    + sig.group(1)
                    + "\" in rule \""
                    + r.name()
                    + "\""
                    + didYouMean(sig.group(1), signals)
                    + ": no answer ever gets it; the signals are "
                    + String.join(", ", signals)
                    + " (a new one is a line in "
                    + PageSignals.FILE
                    + ")"));
      }
    }
  }

  /** A closed-vocabulary field compared with a value outside its vocabulary. */
  private static void unknownValues(
      RuleFiles files,
      RuleSource.RuleText r,
      RuleSource.WrittenCondition c,
      Map<String, Collection<String>> vocabularies,
      Optional<Catalogue> catalogue,
      List<Problem> problems) {
    Matcher m = COMPARED.matcher(c.text());
    while (m.find()) {
      Collection<String> allowed = vocabularies.get(m.group(1));
      if (allowed == null) {
        continue;
      }
      List<String> values = new ArrayList<>();
      if (m.group(2) != null) {
        Matcher q = QUOTED.matcher(m.group(2));
        while (q.find()) {
          values.add(q.group(1));
        }
      } else if (m.group(4) != null) {
        values.add(m.group(4));
      }
      for (String v : values) {
        if (allowed.contains(v)) {
          continue;
        }
        String message = unknownValue(m.group(1), v, r, allowed, catalogue);
        int[] at = locate(files, r.file(), c.line(), "\"" + v + "\"");
        problems.add(error(files.displayName(r.file()), at[0], at[1], message));
      }
    }
  }

  private static String unknownValue(
      String field,
      String v,
      RuleSource.RuleText r,
      Collection<String> allowed,
      Optional<Catalogue> catalogue) {
    if (field.equals("appMessage")) {
      Set<String> listed = catalogue.map(k -> k.appMessages().keySet()).orElse(Set.of());
      return "unknown app message \""
          + v
          + "\" in rule \""
          + r.name()
          + "\""
          + didYouMean(v, listed)
          + (listed.isEmpty()
              ? "; catalogue.properties lists none"
              : "; catalogue.properties lists " + String.join(", ", listed))
          + " (a new one is a line app."
          + v
          + " = the words on the screen)";
    } else {
      return "unknown "
          + field
          + " \""
          + v
          + "\" in rule \""
          + r.name()
          + "\""
          + didYouMean(v, allowed)
          + "; the values are "
          + (field.equals("outcome")
              ? "listed in FACTS.md, \"Outcome codes\""
              : String.join(", ", allowed));
    }
  }

  private static Collection<String> withEmpty(Collection<String> values) {
    List<String> out = new ArrayList<>(values);
    out.add("");
    return out;
  }

  /** A line without its string literals and // comment, same length up to the comment. */
  static String code(String line) {
    String out = withoutStrings(line);
    int comment = out.indexOf("//");
    return comment >= 0 ? out.substring(0, comment) : out;
  }

  /** The text with each string literal's content blanked out, same length. */
  private static String withoutStrings(String text) {
    Matcher s = STRING.matcher(text);
    StringBuilder b = new StringBuilder();
    while (s.find()) {
      s.appendReplacement(
          b,
          Matcher.quoteReplacement("\"" + "_".repeat(Math.max(0, s.group().length() - 2)) + "\""));
    }
    s.appendTail(b);
    return b.toString();
  }

  /**
   * Where a text is written in a condition that starts on a line: that line or one of the lines
   * that continue it (a sentence's "- ..." lines, a pattern's next lines), as 1-based line and
   * column pointing just inside the quotes; else the line itself, column 1.
   */
  static int[] locate(RuleFiles files, String file, int line, String quoted) {
    List<String> lines = files.files().getOrDefault(file, "").lines().toList();
    for (int i = Math.max(line, 1); i <= lines.size() && i < line + 12; i++) {
      int at = lines.get(i - 1).indexOf(quoted);
      if (at >= 0) {
        return new int[] {i, at + 2};
      }
      if (i > line
          && (lines.get(i - 1).strip().equals("then") || RULE.matcher(lines.get(i - 1)).find())) {
        break;
      }
    }
    return new int[] {line, 1};
  }

  /** The 1-based column of a word on a 1-based line of a file as written, or 1. */
  static int column(RuleFiles files, String file, int line, String word) {
    List<String> lines = files.files().getOrDefault(file, "").lines().toList();
    if (line < 1 || line > lines.size() || word.isEmpty()) {
      return 1;
    }
    Matcher m =
        Pattern.compile("(?<![\\w.])" + Pattern.quote(word) + "(?![\\w])")
            .matcher(lines.get(line - 1));
    return m.find() ? m.start() + 1 : 1;
  }

  static String didYouMean(String word, Collection<String> candidates) {
    return FactModel.closest(word, candidates)
        .filter(c -> !c.isEmpty())
        .map(c -> " (did you mean " + c + "?)")
        .orElse("");
  }

  static Problem error(String file, int line, int column, String message) {
    return new Problem(true, new RuleProblem(file, line, column, message));
  }

  static Problem warning(String file, int line, int column, String message) {
    return new Problem(false, new RuleProblem(file, line, column, message));
  }
}
