package dev.xtreamdoctor.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Turns Drools build messages into {@code file:line:col: plain words}, with 1-based lines and
 * columns that point into the file the support person edits. Where neither Drools nor the file
 * tells the column (a message about a whole rule), the column is 0, as in {@code rules.drl:21:0:}.
 */
final class RuleMessages {
  private RuleMessages() {}

  private static final Pattern PARSER_CODE = Pattern.compile("^\\[ERR \\d+] Line (\\d+):(-?\\d+) ");
  private static final Pattern UNKNOWN_FIELD =
      Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
  private static final Pattern UNKNOWN_TYPE =
      Pattern.compile("Unable to resolve ObjectType '(\\w+)'");
  private static final Pattern EXPAND = Pattern.compile("^\\[(\\d+)] Unable to expand: (.*)$");
  private static final Pattern NO_MAPPING =
      Pattern.compile("No mapping entries for expanding: (.*)$");
  private static final Pattern COLUMN = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
  private static final Pattern IN_RULE = Pattern.compile(" in rule \"([^\"]*)\"");
  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate rule name: (.*)$");
  private static final Pattern ALREADY_DEFINED =
      Pattern.compile("The type Rule_\\S* is already defined");

  /** A sentence of a .dsl file: its scope and its words, up to the "=". */
  private static final Pattern DSL_ENTRY =
      Pattern.compile("(?m)^\\s*\\[(when|then|keyword|\\*)]\\s*([^=]+?)\\s*=");

  /**
   * The name a Java compiler error is about: "The constructor Finding(..)", "x cannot be resolved".
   */
  private static final List<Pattern> CULPRIT =
      List.of(
          Pattern.compile("The constructor (\\w+)\\("),
          Pattern.compile("The method (\\w+)\\("),
          Pattern.compile("(\\w+) cannot be resolved"),
          Pattern.compile("The field [\\w.]*?(\\w+) is not visible"));

  private static final String DSL_NO_MATCH = "this sentence matches no line of the DSL: ";

  /**
   * Every problem in the build messages, in order, without repeats. A DSL sentence that cannot be
   * expanded also upsets the parser on the same line; only the DSL problem is kept.
   */
  static List<RuleProblem> problems(
      RuleFiles files, Collection<Message> messages, RuleStructure.Found structure) {
    List<RuleProblem> problems = new ArrayList<>();
    for (Message m : messages) {
      String text = flatten(m.getText());
      // A name used twice: said once, by RuleStructure, with both places; Drools adds its own
      // line and one about the Java class it generates for the rule.
      if (structure.duplicates()
          && (DUPLICATE.matcher(text).find() || ALREADY_DEFINED.matcher(text).find())) {
        continue;
      }
      RuleProblem p = translate(files, m);
      if (p != null && !problems.contains(p)) {
        problems.add(p);
      }
    }
    // A rule without its 'end': everything Drools says about that file from there on follows from
    // it.
    problems.removeIf(
        p ->
            structure.unreadableFrom().containsKey(p.file())
                    && p.line() >= structure.unreadableFrom().get(p.file())
                || structure.unreadableFrom().containsKey(p.file())
                    && p.message().startsWith("the file ends "));
    // A .dslr that cannot be expanded makes Drools skip the package's declared types, and every
    // rule using one then fails too: noise, gone once the sentence is fixed.
    if (problems.stream().anyMatch(p -> p.message().startsWith(DSL_NO_MATCH))) {
      List<String> declared = declaredTypes(files);
      problems.removeIf(
          p ->
              declared.stream()
                  .anyMatch(
                      t ->
                          p.message().startsWith("unknown fact " + t)
                              || p.message().contains(t + " cannot be resolved")));
    }
    // An unclosed quote confuses the parser into errors further down, and a sentence with one
    // matches no line of the DSL: say what it is instead.
    List<RuleProblem> quotes = unclosedQuotes(files);
    for (RuleProblem quote : quotes) {
      problems.removeIf(
          p ->
              p.file().equals(quote.file())
                  && (p.line() >= quote.line() && !p.message().startsWith(DSL_NO_MATCH)
                      || p.line() == quote.line()));
      problems.add(quote);
    }
    // A sentence that matches no line of the DSL stays in the rule as written, which the parser
    // then stumbles on: within that rule, the sentence is the one problem to fix.
    problems.removeIf(
        p ->
            !p.message().startsWith(DSL_NO_MATCH)
                && !quotes.contains(p)
                && problems.stream()
                    .anyMatch(
                        q ->
                            q.message().startsWith(DSL_NO_MATCH)
                                && q.file().equals(p.file())
                                && sameRule(files, p.file(), q.line(), p.line())));
    for (RuleProblem p : structure.problems()) {
      if (!problems.contains(p)) {
        problems.add(p);
      }
    }
    return problems;
  }

  private static final Pattern DECLARE = Pattern.compile("(?m)^\\s*declare\\s+(\\w+)");
  private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s");

  /** Whether two lines of a file (as shown) are in the same rule: no rule starts between them. */
  private static boolean sameRule(RuleFiles files, String shown, int a, int b) {
    if (a == b) {
      return true;
    }
    String text =
        files.files().entrySet().stream()
            .filter(e -> files.displayName(e.getKey()).equals(shown))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    if (text == null) {
      return false;
    }
    List<String> lines = text.lines().toList();
    for (int i = Math.min(a, b) + 1; i <= Math.max(a, b) && i <= lines.size(); i++) {
      if (RULE_START.matcher(lines.get(i - 1)).find()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> declaredTypes(RuleFiles files) {
    List<String> names = new ArrayList<>();
    files
        .files()
        .values()
        .forEach(
            text -> {
              Matcher m = DECLARE.matcher(text);
              while (m.find()) {
                names.add(m.group(1));
              }
            });
    return names;
  }

  /**
   * The first line of each rule file with a double quote that is opened and not closed on the same
   * line (DRL strings never span lines), pointing at that quote.
   */
  static List<RuleProblem> unclosedQuotes(RuleFiles files) {
    List<RuleProblem> found = new ArrayList<>();
    files
        .files()
        .forEach(
            (name, text) -> {
              if (!RuleFiles.isRuleFile(name)) {
                return;
              }
              List<String> lines = text.lines().toList();
              for (int i = 0; i < lines.size(); i++) {
                int open = openQuote(lines.get(i));
                if (open >= 0) {
                  String rest = lines.get(i).substring(open).strip();
                  found.add(
                      new RuleProblem(
                          files.displayName(name),
                          i + 1,
                          open + 1,
                          "a quote opens here and is never closed on this line: "
                              + rest
                              + " (add the closing \")"));
                  return;
                }
              }
            });
    return found;
  }

  /** The index of a double quote a line leaves open, or -1. Skips // comments and \" escapes. */
  private static int openQuote(String line) {
    int open = -1;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (open < 0 && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        return -1;
      }
      if (open >= 0 && c == '\\') {
        i++;
      } else if (c == '"') {
        open = open < 0 ? i : -1;
      }
    }
    return open;
  }

  /** The problem a message reports, or null for noise that follows another error. */
  static RuleProblem translate(RuleFiles files, Message m) {
    String text = flatten(m.getText());
    if (text.contains("Parser returned a null Package")) {
      return null;
    }
    String path = m.getPath() == null ? "" : m.getPath();
    String file = path.substring(path.lastIndexOf('/') + 1);
    String shown = file.isEmpty() ? files.origin() : files.displayName(file);
    List<String> source = lines(files, file);
    // A .dslr is compiled expanded, its "- ..." lines folded into the sentence above: Drools'
    // lines are lines of that text; the person reads the file as written.
    java.util.function.IntUnaryOperator written =
        RuleSource.writtenLines(files.files().get(file), file);
    int line = written.applyAsInt(Math.max(m.getLine(), 0));
    int column = Math.max(m.getColumn(), 0);

    Matcher parser = PARSER_CODE.matcher(text);
    if (parser.find()) {
      line = written.applyAsInt(Integer.parseInt(parser.group(1)));
      column = Math.max(Integer.parseInt(parser.group(2)), 0) + 1;
      return new RuleProblem(shown, line, column, syntax(text.substring(parser.end())));
    }
    Matcher expand = EXPAND.matcher(text);
    if (expand.find()) {
      String sentence = expand.group(2).strip();
      return new RuleProblem(
          shown,
          Integer.parseInt(expand.group(1)),
          1,
          DSL_NO_MATCH + "\"" + sentence + "\"" + nearestSentence(files, sentence));
    }
    Matcher noMapping = NO_MAPPING.matcher(text);
    if (noMapping.find()) {
      String sentence = noMapping.group(1).strip();
      return new RuleProblem(
          shown, line, 1, DSL_NO_MATCH + "\"" + sentence + "\"" + nearestSentence(files, sentence));
    }
    Matcher duplicate = DUPLICATE.matcher(text);
    if (duplicate.find()) {
      return new RuleProblem(
          shown,
          line,
          1,
          "another rule already has the name \""
              + duplicate.group(1).strip()
              + "\"; give this one a name of its own");
    }
    Matcher field = UNKNOWN_FIELD.matcher(text);
    if (field.find()) {
      String type = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
      String name = field.group(2);
      Matcher col = COLUMN.matcher(text);
      int fallback = col.find() ? Integer.parseInt(col.group(2)) : column;
      return new RuleProblem(
          shown, line, columnOf(source, line, name, fallback), unknownField(type, name));
    }
    Matcher typeName = UNKNOWN_TYPE.matcher(text);
    if (typeName.find()) {
      String name = typeName.group(1);
      Optional<String> near = FactModel.closest(name, FactModel.typeNames());
      return new RuleProblem(
          shown,
          line,
          columnOf(source, line, name, column),
          "unknown fact " + name + near.map(n -> " (did you mean " + n + "?)").orElse(""));
    }
    if (text.startsWith("Rule Compilation error")) {
      String detail = text.substring("Rule Compilation error".length()).strip();
      int[] at = inConsequence(source, line, detail);
      return new RuleProblem(
          shown, at[0], at[1], "the rule's then part does not compile: " + detail);
    }
    return new RuleProblem(shown, line, column, text);
  }

  /**
   * " (did you mean: SENTENCE?)" for the DSL sentence closest to a mistyped one, or "". The
   * sentence's filled-in parts ({name}) are compared as they are written in the .dsl.
   */
  static String nearestSentence(RuleFiles files, String sentence) {
    List<String> keys = new ArrayList<>();
    files
        .files()
        .forEach(
            (name, text) -> {
              if (name.endsWith(".dsl")) {
                Matcher m = DSL_ENTRY.matcher(text);
                while (m.find()) {
                  keys.add(m.group(2).strip());
                }
              }
            });
    String typed = sentence.toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String key : keys) {
      // Compare against the key with each {part} replaced by what the typed sentence has there.
      String k = key.toLowerCase(java.util.Locale.ROOT);
      int score =
          Math.min(
              FactModel.distance(typed, k),
              FactModel.distance(
                  typed.replaceAll("\"[^\"]*\"", "\"\""), k.replaceAll("\\{[^}]*}", "")));
      if (score < bestScore) {
        bestScore = score;
        best = key;
      }
    }
    return best != null && bestScore <= Math.max(3, sentence.length() / 4)
        ? " (did you mean: " + best + "?)"
        : "";
  }

  private static String unknownField(String type, String name) {
    Optional<Class<?>> known = FactModel.type(type);
    if (known.isEmpty()) {
      return "unknown field " + name + " on " + type;
    }
    List<String> fields = FactModel.fields(known.get());
    Optional<String> near = FactModel.closest(name, fields);
    return "unknown field "
        + name
        + " on "
        + type
        + near.map(n -> " (did you mean " + n + "?)")
            .orElse(" (its fields: " + String.join(", ", fields) + ")");
  }

  private static String syntax(String text) {
    String t = text;
    if (t.toLowerCase(java.util.Locale.ROOT).startsWith("mismatched input '<eof>'")
        || t.contains("Line 0:-1")) {
      Matcher rule = IN_RULE.matcher(t);
      return rule.find()
          ? "the file ends inside rule \""
              + rule.group(1)
              + "\": a quote, bracket or 'end' is missing"
          : "the file ends too early: a quote, bracket or 'end' is missing";
    }
    return t.replace("mismatched input", "unexpected")
        .replace("no viable alternative at input", "cannot read");
  }

  /**
   * Where in a rule's then part a Java compiler error sits. Drools gives only the rule's first
   * line; look for the name the error is about after "then", else point at the line after it.
   */
  private static int[] inConsequence(List<String> source, int ruleLine, String detail) {
    int then = -1;
    for (int i = Math.max(ruleLine - 1, 0); i < source.size(); i++) {
      if (source.get(i).strip().equals("then") || source.get(i).strip().startsWith("then ")) {
        then = i;
        break;
      }
    }
    if (then < 0) {
      return new int[] {ruleLine, 1};
    }
    String culprit = null;
    for (Pattern p : CULPRIT) {
      Matcher m = p.matcher(detail);
      if (m.find()) {
        culprit = m.group(1);
        break;
      }
    }
    for (int i = then + 1; i < source.size() && culprit != null; i++) {
      if (source.get(i).strip().equals("end")) {
        break;
      }
      Matcher word = Pattern.compile("\\b" + Pattern.quote(culprit) + "\\b").matcher(source.get(i));
      if (word.find()) {
        return new int[] {i + 1, word.start() + 1};
      }
    }
    int next = Math.min(then + 1, source.size() - 1);
    return new int[] {next + 1, firstNonBlank(source.get(next))};
  }

  /** The 1-based column of a word on a 1-based line, or the fallback if it is not there. */
  private static int columnOf(List<String> source, int line, String word, int fallback) {
    if (line < 1 || line > source.size()) {
      return fallback;
    }
    Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(source.get(line - 1));
    return m.find() ? m.start() + 1 : fallback;
  }

  private static int firstNonBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (!Character.isWhitespace(line.charAt(i))) {
        return i + 1;
      }
    }
    return 1;
  }

  private static List<String> lines(RuleFiles files, String file) {
    String text = files.files().get(file);
    return text == null ? List.of() : text.lines().toList();
  }

  private static String flatten(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
