package dev.xtreamdoctor.engine;

import static dev.xtreamdoctor.engine.RuleLint.error;
import static dev.xtreamdoctor.engine.RuleLint.warning;

import dev.xtreamdoctor.engine.RuleLint.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of {@link RuleLint} that reads the Java in rule files: calls that reach outside the
 * diagnosis (the machine, files, the network, the program itself), loops that need not end, and
 * calls a then part does not need. Line by line, on the text with strings and comments blanked.
 */
final class JavaInRulesLint {
  /** Java no rule file may touch: the machine, the network, files, threads, reflection. */
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "\\b(System\\s*\\.|Runtime\\b|Thread\\b|ProcessBuilder\\b|ProcessHandle\\b|ClassLoader\\b|Class\\s*\\.\\s*forName"
              + "|getClass\\s*\\(|java\\s*\\.\\s*io\\b|java\\s*\\.\\s*nio\\b|java\\s*\\.\\s*net\\b|java\\s*\\.\\s*lang\\s*\\.\\s*reflect\\b"
              + "|setAccessible\\b|getDeclared\\w*|Files\\s*\\.|new\\s+File\\b|Socket\\b|URL\\b|exit\\s*\\(|exec\\s*\\(|kcontext\\b|drools\\s*\\.)");

  /**
   * Loops that need not end: {@code while}, {@code do}, and a {@code for} with no condition. A then
   * part runs once per match and must finish at once; a for-each over a collected list is fine.
   */
  private static final Pattern LOOP =
      Pattern.compile("\\b(while)\\s*\\(|\\b(do)\\b\\s*(\\{|$)|\\b(for)\\s*\\([^;:)]*;\\s*;");

  /** Calls a rule's then part may make besides fact fields and the set's own functions. */
  private static final Set<String> ALLOWED_CALLS =
      Set.of(
          "insert",
          "insertLogical",
          "error",
          "warning",
          "info",
          "unchecked",
          "because",
          "with",
          "of",
          "equals",
          "equalsIgnoreCase",
          "startsWith",
          "endsWith",
          "contains",
          "isEmpty",
          "isBlank",
          "replace",
          "toLowerCase",
          "toUpperCase",
          "strip",
          "trim",
          "length",
          "join",
          "valueOf",
          "size",
          "get",
          "round",
          "min",
          "max",
          "abs");

  /** Words followed by "(" that are no calls. */
  private static final Set<String> KEYWORDS =
      Set.of("if", "for", "while", "switch", "return", "catch", "synchronized");

  private static final Pattern CALL = Pattern.compile("(\\bnew\\s+)?([A-Za-z_$][\\w$]*)\\s*\\(");
  private static final Pattern FUNCTION =
      Pattern.compile("(?m)^\\s*function\\s+[\\w.<>\\[\\]]+\\s+(\\w+)\\s*\\(");
  private static final Pattern DECLARE = Pattern.compile("(?m)^\\s*declare\\s+(\\w+)");

  private JavaInRulesLint() {}

  /** Forbidden Java and endless loops anywhere; calls a then part should not make. */
  static void check(RuleFiles files, RuleSource source, List<Problem> problems) {
    KnownNames known = KnownNames.of(source);
    for (Map.Entry<String, String> f : source.expanded().entrySet()) {
      String file = files.displayName(f.getKey());
      List<String> lines = f.getValue().lines().toList();
      String rule = null;
      boolean inThen = false;
      for (int i = 0; i < lines.size(); i++) {
        int line = source.originalLine(f.getKey(), i + 1);
        String code = RuleLint.code(lines.get(i));
        Matcher start = RuleLint.RULE.matcher(lines.get(i));
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
        if (forbidden(file, line, code, problems)
            || loops(file, line, code, rule, inThen, problems)) {
          continue;
        }
        if (inThen) {
          unusualCalls(file, line, code, rule, known, problems);
        }
      }
    }
  }

  /** What a then part may call or construct: the set's functions and declared types, fields. */
  private record KnownNames(Set<String> functions, Set<String> declared, Set<String> fields) {
    static KnownNames of(RuleSource source) {
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
      return new KnownNames(functions, declared, fields);
    }
  }

  /** Java anywhere in a file, functions included, that reaches outside the diagnosis. */
  private static boolean forbidden(String file, int line, String code, List<Problem> problems) {
    Matcher bad = FORBIDDEN.matcher(code);
    if (bad.find()) {
      problems.add(
          error(
              file,
              line,
              bad.start() + 1,
              "rules may not use "
                  + bad.group(1).replaceAll("[\\s(.]+$", "")
                  + ": it reaches outside the diagnosis (the machine, files,"
                  + " the network or the program itself)"));
      return true;
    }
    return false;
  }

  /** Loops that need not end, in then parts and functions alike. */
  private static boolean loops(
      String file, int line, String code, String rule, boolean inThen, List<Problem> problems) {
    Matcher loop = LOOP.matcher(code);
    if ((inThen || rule == null) && loop.find()) {
      String word = loop.group(1) != null ? "while" : loop.group(2) != null ? "do" : "for ( ; ; )";
      problems.add(
          error(
              file,
              line,
              loop.start() + 1,
              (rule == null ? "a function" : "rule \"" + rule + "\"")
                  + " loops with "
                  + word
                  + ": a then part runs once per match and must"
                  + " finish at once (a loop that never ends stops every diagnosis); go over a collected list with for ( x : list )"
                  + " instead, or write a rule per case"));
      return true;
    }
    return false;
  }

  /** Any other call in a then part: a warning, for a developer to look at. */
  private static void unusualCalls(
      String file, int line, String code, String rule, KnownNames known, List<Problem> problems) {
    Matcher m = CALL.matcher(code);
    while (m.find()) {
      String name = m.group(2);
      boolean isNew = m.group(1) != null;
      boolean ok =
          isNew
              ? known.declared().contains(name)
              : ALLOWED_CALLS.contains(name)
                  || KEYWORDS.contains(name)
                  || known.functions().contains(name)
                  || known.fields().contains(name);
      if (!ok) {
        problems.add(
            warning(
                file,
                line,
                m.start(2) + 1,
                "rule \""
                    + rule
                    + "\" calls "
                    + (isNew ? "new " : "")
                    + name
                    + ", which is not among the calls rules need;"
                    + " ask a developer to add a sentence to support.dsl or a function instead"));
      }
    }
  }
}
