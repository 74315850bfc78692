package dev.xtreamdoctor.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rule set for mistakes that compile but hurt users or safety: a finding whose cause has
 * no words or no fix in the catalogue, an unknown category, two rules with one name, and Java in a
 * rule beyond the small set rules need. Runs on the text ({@link RuleSource}), so it works on a
 * set that does not compile too.
 */
public final class RuleLint {
  /** The categories a finding may name. */
  public static final List<String> CATEGORIES =
      List.of(
          "INVALID_DETAILS",
          "LOGIN_FAILED",
          "AUTHORIZATION_FAILED",
          "CONNECTION_TIMEOUT",
          "HOST_NOT_FOUND",
          "NO_FAULT_FOUND",
          "INCONCLUSIVE");

  /**
   * One lint problem.
   *
   * @param error true for an error (the rules should not ship), false for a warning
   * @param at where, and what, in plain words
   */
  public record Problem(boolean error, RuleProblem at) {
    @Override
    public String toString() {
      return error ? at.toString() : at.file() + ":" + at.line() + ":" + at.column() + ": warning: " + at.message();
    }
  }

  /** Java no rule file may touch: the machine, the network, files, threads, reflection. */
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "\\b(System\\s*\\.|Runtime\\b|Thread\\b|ProcessBuilder\\b|ProcessHandle\\b|ClassLoader\\b|Class\\s*\\.\\s*forName"
              + "|getClass\\s*\\(|java\\s*\\.\\s*io\\b|java\\s*\\.\\s*nio\\b|java\\s*\\.\\s*net\\b|java\\s*\\.\\s*lang\\s*\\.\\s*reflect\\b"
              + "|setAccessible\\b|getDeclared\\w*|Files\\s*\\.|new\\s+File\\b|Socket\\b|URL\\b|exit\\s*\\(|exec\\s*\\(|kcontext\\b|drools\\s*\\.)");

  /** Calls a rule's then part may make besides fact fields and the set's own functions. */
  private static final Set<String> ALLOWED_CALLS =
      Set.of(
          "insert", "insertLogical",
          "error", "warning", "info", "unchecked", "because", "with", "of",
          "equals", "equalsIgnoreCase", "startsWith", "endsWith", "contains", "isEmpty", "isBlank",
          "replace", "toLowerCase", "toUpperCase", "strip", "trim", "length", "join", "valueOf",
          "size", "get", "round", "min", "max", "abs");

  /** Words followed by "(" that are no calls. */
  private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "return", "catch", "synchronized");

  private static final Pattern CALL = Pattern.compile("(\\bnew\\s+)?([A-Za-z_$][\\w$]*)\\s*\\(");
  private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");
  private static final Pattern DECLARE = Pattern.compile("(?m)^\\s*declare\\s+(\\w+)");
  private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"(.*)\"");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  private RuleLint() {}

  /** Every lint problem of a rule set, errors and warnings, in file order. */
  public static List<Problem> check(RuleFiles files, RuleSource source, Optional<Catalogue> catalogue) {
    List<Problem> problems = new ArrayList<>();
    causesAndCategories(files, source, catalogue, problems);
    duplicateNames(files, source, problems);
    java(files, source, problems);
    return problems;
  }

  private static void causesAndCategories(
      RuleFiles files, RuleSource source, Optional<Catalogue> catalogue, List<Problem> problems) {
    Set<String> known = catalogue.map(Catalogue::causeIds).orElse(Set.of());
    Set<String> reported = new TreeSet<>();
    for (RuleSource.RuleText r : source.rules()) {
      for (RuleSource.Conclusion c : r.concludes()) {
        String file = files.displayName(r.file());
        if (!CATEGORIES.contains(c.category())) {
          problems.add(
              error(file, c.line(), column(files, r.file(), c.line(), c.category()),
                  "unknown category " + c.category() + " in rule \"" + r.name() + "\"" + didYouMean(c.category(), CATEGORIES)
                      + "; the categories are " + String.join(", ", CATEGORIES)));
        }
        if (catalogue.isEmpty() || !reported.add(c.causeId())) {
          continue;
        }
        int col = column(files, r.file(), c.line(), c.causeId());
        if (!known.contains(c.causeId())) {
          problems.add(
              error(file, c.line(), col,
                  "the cause " + c.causeId() + " has no words in catalogue.properties" + didYouMean(c.causeId(), known)
                      + ": add " + c.causeId() + ".title, " + c.causeId() + ".impact and " + c.causeId() + ".fix.1"));
        } else if (catalogue.get().fixes(c.causeId(), Map.of()).isEmpty()) {
          problems.add(
              error(file, c.line(), col,
                  "the cause " + c.causeId() + " has no fix in catalogue.properties: add " + c.causeId() + ".fix.1, what the user should do"));
        } else if (catalogue.get().impact(c.causeId(), Map.of()).isBlank()) {
          problems.add(
              warning(file, c.line(), col, "the cause " + c.causeId() + " has no impact text in catalogue.properties: add " + c.causeId() + ".impact"));
        }
      }
    }
  }

  private static void duplicateNames(RuleFiles files, RuleSource source, List<Problem> problems) {
    Map<String, RuleSource.RuleText> first = new LinkedHashMap<>();
    for (RuleSource.RuleText r : source.rules()) {
      RuleSource.RuleText earlier = first.putIfAbsent(r.name(), r);
      if (earlier != null) {
        problems.add(
            error(files.displayName(r.file()), r.line(), 1,
                "another rule already has the name \"" + r.name() + "\" (" + files.displayName(earlier.file()) + ":" + earlier.line()
                    + "); give this one a name of its own"));
      }
    }
  }

  private static void java(RuleFiles files, RuleSource source, List<Problem> problems) {
    Set<String> functions = new TreeSet<>();
    Set<String> declared = new TreeSet<>(FactModel.typeNames());
    for (String text : source.expanded().values()) {
      Matcher f = FUNCTION.matcher(text);
      while (f.find()) {
        functions.add(f.group(1));
      }
      Matcher d = DECLARE.matcher(text);
      while (d.find()) {
        declared.add(d.group(1));
      }
    }
    Set<String> fields = new TreeSet<>();
    for (String type : FactModel.typeNames()) {
      fields.addAll(FactModel.fields(FactModel.type(type).orElseThrow()));
    }
    for (Map.Entry<String, String> f : source.expanded().entrySet()) {
      String file = files.displayName(f.getKey());
      List<String> lines = f.getValue().lines().toList();
      String rule = null;
      boolean inThen = false;
      for (int i = 0; i < lines.size(); i++) {
        int line = source.originalLine(f.getKey(), i + 1);
        String code = code(lines.get(i));
        Matcher start = RULE.matcher(lines.get(i));
        if (start.find()) {
          rule = start.group(1);
          inThen = false;
        } else if (code.strip().equals("then") || code.strip().startsWith("then ")) {
          inThen = rule != null;
          continue;
        } else if (code.strip().equals("end")) {
          rule = null;
          inThen = false;
        }
        // Forbidden Java anywhere in a file, functions included.
        Matcher bad = FORBIDDEN.matcher(code);
        if (bad.find()) {
          problems.add(
              error(file, line, bad.start() + 1,
                  "rules may not use " + bad.group(1).replaceAll("[\\s(.]+$", "") + ": it reaches outside the diagnosis (the machine, files,"
                      + " the network or the program itself)"));
          continue;
        }
        if (!inThen) {
          continue;
        }
        // Any other call in a then part: a warning, for a developer to look at.
        Matcher m = CALL.matcher(code);
        while (m.find()) {
          String name = m.group(2);
          boolean isNew = m.group(1) != null;
          boolean ok =
              isNew ? declared.contains(name)
                  : ALLOWED_CALLS.contains(name) || KEYWORDS.contains(name) || functions.contains(name) || fields.contains(name);
          if (!ok) {
            problems.add(
                warning(file, line, m.start(2) + 1,
                    "rule \"" + rule + "\" calls " + (isNew ? "new " : "") + name + ", which is not among the calls rules need;"
                        + " ask a developer to add a sentence to support.dsl or a function instead"));
          }
        }
      }
    }
  }

  /** A line without its string literals and // comment, same length up to the comment. */
  private static String code(String line) {
    Matcher s = STRING.matcher(line);
    StringBuilder b = new StringBuilder();
    while (s.find()) {
      s.appendReplacement(b, Matcher.quoteReplacement("\"" + "_".repeat(Math.max(0, s.group().length() - 2)) + "\""));
    }
    s.appendTail(b);
    String out = b.toString();
    int comment = out.indexOf("//");
    return comment >= 0 ? out.substring(0, comment) : out;
  }

  private static int column(RuleFiles files, String file, int line, String word) {
    List<String> lines = files.files().getOrDefault(file, "").lines().toList();
    if (line < 1 || line > lines.size()) {
      return 1;
    }
    Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(lines.get(line - 1));
    return m.find() ? m.start() + 1 : 1;
  }

  private static String didYouMean(String word, java.util.Collection<String> candidates) {
    return FactModel.closest(word, candidates).map(c -> " (did you mean " + c + "?)").orElse("");
  }

  private static Problem error(String file, int line, int column, String message) {
    return new Problem(true, new RuleProblem(file, line, column, message));
  }

  private static Problem warning(String file, int line, int column, String message) {
    return new Problem(false, new RuleProblem(file, line, column, message));
  }
}
