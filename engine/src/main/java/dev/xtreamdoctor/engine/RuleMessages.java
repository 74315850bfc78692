package dev.xtreamdoctor.engine;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/** Turns Drools build messages into {@code file:line:col: plain words}. */
final class RuleMessages {
  private RuleMessages() {}

  private static final Pattern PARSER_CODE = Pattern.compile("^\\[ERR \\d+] Line (\\d+):(\\d+) ");
  private static final Pattern UNKNOWN_FIELD =
      Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
  private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '(\\w+)'");
  private static final Pattern EXPAND = Pattern.compile("^\\[(\\d+)] Unable to expand: (.*)$");
  private static final Pattern NO_MAPPING = Pattern.compile("No mapping entries for expanding: (.*)$");
  private static final Pattern COLUMN = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");

  /** The problem a message reports, or null for noise that follows another error. */
  static RuleProblem translate(RuleFiles files, Message m) {
    String text = flatten(m.getText());
    if (text.contains("Parser returned a null Package")) {
      return null;
    }
    String path = m.getPath() == null ? "" : m.getPath();
    String file = path.substring(path.lastIndexOf('/') + 1);
    String shown = file.isEmpty() ? files.origin() : files.displayName(file);
    int line = Math.max(m.getLine(), 0);
    int column = Math.max(m.getColumn(), 0);

    Matcher parser = PARSER_CODE.matcher(text);
    if (parser.find()) {
      line = Integer.parseInt(parser.group(1));
      column = Integer.parseInt(parser.group(2)) + 1;
      text = syntax(text.substring(parser.end()));
      return new RuleProblem(shown, line, column, text);
    }
    Matcher expand = EXPAND.matcher(text);
    if (expand.find()) {
      return new RuleProblem(
          shown,
          Integer.parseInt(expand.group(1)),
          1,
          "this sentence matches no line of the DSL: \"" + expand.group(2).strip() + "\"");
    }
    Matcher noMapping = NO_MAPPING.matcher(text);
    if (noMapping.find()) {
      return new RuleProblem(
          shown,
          line,
          1,
          "this sentence matches no line of the DSL: \"" + noMapping.group(1).strip() + "\"");
    }
    Matcher field = UNKNOWN_FIELD.matcher(text);
    if (field.find()) {
      String type = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
      String name = field.group(2);
      Matcher col = COLUMN.matcher(text);
      int c = col.find() ? Integer.parseInt(col.group(2)) : column;
      return new RuleProblem(shown, line, c, unknownField(type, name));
    }
    Matcher typeName = UNKNOWN_TYPE.matcher(text);
    if (typeName.find()) {
      String name = typeName.group(1);
      Optional<String> near = FactModel.closest(name, FactModel.typeNames());
      return new RuleProblem(
          shown,
          line,
          column,
          "unknown fact " + name + near.map(n -> " (did you mean " + n + "?)").orElse(""));
    }
    if (text.startsWith("Rule Compilation error")) {
      text = "the rule's then part does not compile: " + text.substring("Rule Compilation error".length()).strip();
    }
    return new RuleProblem(shown, line, column, text);
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
        + near.map(n -> " (did you mean " + n + "?)").orElse(" (its fields: " + String.join(", ", fields) + ")");
  }

  private static String syntax(String text) {
    String t = text;
    if (t.startsWith("mismatched input '<EOF>'") || t.contains("Line 0:-1")) {
      return "the file ends too early: a quote, bracket or 'end' is not closed";
    }
    t = t.replace("mismatched input", "unexpected").replace("no viable alternative at input", "cannot read");
    return t;
  }

  private static String flatten(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
