package dev.xtreamdoctor.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mistakes in the shape of the rule files, found on their text before Drools reads them: each gives
 * one clear message, where Drools would give a confusing one or several (a missing {@code end}
 * surfaces as "unexpected 'insertLogical'" further down; a name used twice as three errors, one
 * about a generated Java class) or none at all (brackets nested thousands deep overflow the
 * parser's stack). {@link RuleMessages} then drops what Drools says as a consequence.
 */
final class RuleStructure {
  /** Deeper than any condition a person writes; far below what overflows the parser's stack. */
  static final int MAX_NESTING = 64;

  private static final Pattern RULE =
      Pattern.compile("^\\s*rule\\s+(\"([^\"]*)\"|'([^']*)'|(\\S+))");
  private static final Pattern BLOCK_START = Pattern.compile("^\\s*(query|declare)\\b");

  /** A line that ends a rule: "end" alone, or last after a space ("rule \"x\" when then end"). */
  private static final Pattern END = Pattern.compile("(^|\\s)end\\s*(//.*)?$");

  /** The problems found, and what they make Drools say that is not worth showing. */
  record Found(
      List<RuleProblem> problems,
      Map<String, Integer> unreadableFrom,
      boolean tooDeep,
      boolean duplicates) {}

  private RuleStructure() {}

  static Found check(RuleFiles files) {
    List<RuleProblem> problems = new ArrayList<>();
    Map<String, Integer> unreadableFrom = new LinkedHashMap<>();
    boolean tooDeep = false;
    boolean duplicates = false;
    Map<String, String[]> firstByName = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : new TreeMap<>(files.files()).entrySet()) {
      if (!RuleFiles.isRuleFile(f.getKey())) {
        continue;
      }
      String shown = files.displayName(f.getKey());
      RuleProblem deep = nesting(shown, f.getValue());
      if (deep != null) {
        problems.add(deep);
        tooDeep = true;
        continue;
      }
      List<String> lines = f.getValue().lines().toList();
      RuleProblem unclosed = missingEnd(shown, lines);
      if (unclosed != null) {
        problems.add(unclosed);
        unreadableFrom.put(shown, unclosed.line());
      }
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = RULE.matcher(lines.get(i));
        if (!m.find()) {
          continue;
        }
        String name = name(m);
        String[] earlier =
            firstByName.putIfAbsent(name, new String[] {shown, Integer.toString(i + 1)});
        if (earlier != null) {
          duplicates = true;
          problems.add(
              new RuleProblem(
                  shown,
                  i + 1,
                  m.start(1) + 1,
                  "another rule already has the name \""
                      + name
                      + "\" ("
                      + earlier[0]
                      + ":"
                      + earlier[1]
                      + "); give this one a name of its own"));
        }
      }
    }
    return new Found(problems, unreadableFrom, tooDeep, duplicates);
  }

  private static String name(Matcher m) {
    return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
  }

  /**
   * The first rule (or query, or declare) that a new one starts inside, or that the file ends in:
   * its {@code end} is missing. Lines of a rule's then part are Java, where a line starting with
   * "rule" or "end" on its own does not occur.
   */
  private static RuleProblem missingEnd(String shown, List<String> lines) {
    int openLine = -1;
    String open = null;
    boolean inComment = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (inComment) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.strip().startsWith("/*") && !line.contains("*/")) {
        inComment = true;
        continue;
      }
      Matcher rule = RULE.matcher(line);
      Matcher block = BLOCK_START.matcher(line);
      String starts = null;
      int after = 0;
      if (rule.find()) {
        starts = "rule \"" + name(rule) + "\"";
        after = rule.end();
      } else if (block.find()) {
        starts = block.group(1);
        after = block.end();
      }
      if (starts != null) {
        if (open != null) {
          return new RuleProblem(
              shown,
              openLine,
              1,
              open
                  + " has no 'end': add a line 'end' after its then part, before "
                  + starts
                  + " on line "
                  + (i + 1));
        }
        open = starts;
        openLine = i + 1;
        if (END.matcher(line.substring(after)).find()) {
          open = null;
        }
      } else if (open != null && END.matcher(line).find()) {
        open = null;
      }
    }
    return open == null
        ? null
        : new RuleProblem(
            shown,
            openLine,
            1,
            open + " has no 'end': add a line 'end' after its then part, at the end of the file");
  }

  /**
   * Where brackets first nest deeper than {@link #MAX_NESTING}, or null. Quotes and comments are
   * skipped; this runs before any parser, which such a file would overflow.
   */
  private static RuleProblem nesting(String shown, String text) {
    int depth = 0;
    int line = 1;
    int column = 0;
    char quote = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      column++;
      if (c == '\n') {
        line++;
        column = 0;
        lineComment = false;
        quote = 0;
        continue;
      }
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (lineComment) {
        continue;
      }
      if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          i++;
          column++;
        }
        continue;
      }
      if (quote != 0) {
        if (c == '\\') {
          i++;
          column++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '/' && next == '/') {
        lineComment = true;
      } else if (c == '/' && next == '*') {
        blockComment = true;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        if (++depth > MAX_NESTING) {
          return new RuleProblem(
              shown,
              line,
              column,
              "brackets are nested more than "
                  + MAX_NESTING
                  + " deep here; no rule needs that many: split the condition,"
                  + " or close the brackets opened before it");
        }
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
    return null;
  }
}
