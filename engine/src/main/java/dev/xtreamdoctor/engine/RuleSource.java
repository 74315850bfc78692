package dev.xtreamdoctor.engine;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The rules of a rule set as their authors wrote them: each rule's name, file, line, conditions and
 * consequence, read with Drools' own parser (a {@code .dslr} after expanding its sentences, so a
 * sentence's line is the line of its expansion). Feeds lint ({@code rules check}) and explanations;
 * compiling stays {@link RuleBook}'s job, so a file that does not parse simply contributes no rules
 * here.
 */
public final class RuleSource {
  /**
   * What a consequence concludes: {@code Finding.error( "CATEGORY", "CAUSE", "layer" )} and kin.
   */
  /**
   * What a consequence concludes: {@code Finding.error( "CATEGORY", "CAUSE", "layer" )} and kin;
   * the category may be computed ({@code $r.category()}), the cause is always written out.
   */
  private static final Pattern FINDING =
      Pattern.compile(
          "Finding\\s*\\.\\s*(error|warning|info)\\s*\\(\\s*(?:\"([^\"]*)\"|[^,\"()]+(?:\\([^()]*\\))?)\\s*,\\s*\"([^\"]*)\""
              + "(?:\\s*,\\s*\"([^\"]*)\")?");

  private static final Pattern UNCHECKED =
      Pattern.compile(
          "Finding\\s*\\.\\s*unchecked\\s*\\(\\s*\"([^\"]*)\"(?:\\s*,\\s*\"([^\"]*)\")?");

  /** What a ranking rule decides: {@code new Conclusion( "CATEGORY", "CAUSE" )}. */
  private static final Pattern CONCLUSION =
      Pattern.compile("new\\s+Conclusion\\s*\\(\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"");

  private final List<RuleText> rules;
  private final java.util.Set<String> unreadable;
  private final Map<String, String> expanded;
  private final Map<String, int[]> lineMaps;
  private final String dsl;

  private RuleSource(
      List<RuleText> rules,
      java.util.Set<String> unreadable,
      Map<String, String> expanded,
      Map<String, int[]> lineMaps,
      String dsl) {
    this.rules = List.copyOf(rules);
    this.unreadable = java.util.Set.copyOf(unreadable);
    this.expanded = Map.copyOf(expanded);
    this.lineMaps = Map.copyOf(lineMaps);
    this.dsl = dsl;
  }

  /**
   * The line in the file as written for a line of its expanded text. Expanding a .dslr folds each
   * "- ..." line of a when part into the sentence above it; every other line stays.
   */
  public int originalLine(String file, int expandedLine) {
    int[] map = lineMaps.get(file);
    if (map == null || expandedLine < 1 || expandedLine > map.length) {
      return expandedLine;
    }
    return map[expandedLine - 1];
  }

  /**
   * For a {@code .dslr} file, the written line of each line of its expanded text; for any other
   * file (or none), the line itself.
   */
  static java.util.function.IntUnaryOperator writtenLines(String text, String file) {
    if (text == null || !file.endsWith(".dslr")) {
      return line -> line;
    }
    int[] map = lineMap(text);
    return line -> line < 1 || line > map.length ? line : map[line - 1];
  }

  private static int[] lineMap(String written) {
    List<String> lines = written.lines().toList();
    List<Integer> kept = new ArrayList<>();
    boolean inWhen = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.equals("when") || l.startsWith("when ")) {
        inWhen = true;
      } else if (l.equals("then") || l.startsWith("then ")) {
        inWhen = false;
      }
      if (!(inWhen && l.startsWith("-"))) {
        kept.add(i + 1);
      }
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * One condition of a rule's when part, as written.
   *
   * @param line 1-based line in the file
   * @param factType the fact type it matches, or "" for a not/exists/or group
   * @param kind {@code pattern}, {@code not}, {@code exists}, {@code or}, {@code eval}, ...
   * @param text its text (after DSL expansion)
   */
  public record WrittenCondition(int line, String factType, String kind, String text) {}

  /**
   * One finding a rule's then part creates.
   *
   * @param severity error, warning, info or unchecked; "conclusion" for a ranking rule's verdict
   * @param category the category it names (INCONCLUSIVE for unchecked), or "" when computed
   * @param causeId the cause id it names
   * @param layer the layer it names, or "" (a verdict, or a layer that is not written out)
   * @param line 1-based line in the file
   * @param column 1-based column of the cause id
   */
  public record WrittenFinding(
      String severity, String category, String causeId, String layer, int line, int column) {}

  /**
   * One rule.
   *
   * @param name its name
   * @param file the file name (e.g. {@code 30-authorization-failed.dslr})
   * @param line 1-based line of {@code rule "..."}
   * @param conditions its when part, in order
   * @param consequence its then part (after DSL expansion)
   * @param consequenceLine 1-based line where the then part starts
   * @param concludes the findings it creates
   */
  public record RuleText(
      String name,
      String file,
      int line,
      List<WrittenCondition> conditions,
      String consequence,
      int consequenceLine,
      List<WrittenFinding> concludes) {}

  /** Reads every rule file of a set. */
  public static RuleSource of(RuleFiles files) {
    StringBuilder dsl = new StringBuilder();
    files.files().entrySet().stream()
        .filter(e -> e.getKey().endsWith(".dsl"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> dsl.append(e.getValue()).append('\n'));
    List<RuleText> rules = new ArrayList<>();
    java.util.Set<String> unreadable = new java.util.TreeSet<>();
    Map<String, String> expanded = new java.util.TreeMap<>();
    Map<String, int[]> lineMaps = new java.util.HashMap<>();
    // In name order, the order support staff see the files in (and "the first" of two rules).
    for (Map.Entry<String, String> f : new java.util.TreeMap<>(files.files()).entrySet()) {
      if (!RuleFiles.isRuleFile(f.getKey())) {
        continue;
      }
      String text = f.getValue();
      try {
        int[] map = null;
        if (f.getKey().endsWith(".dslr")) {
          map = lineMap(text);
          lineMaps.put(f.getKey(), map);
          text = new DrlParser().getExpandedDRL(text, new StringReader(dsl.toString()));
        }
        if (text == null) {
          unreadable.add(f.getKey());
          continue;
        }
        expanded.put(f.getKey(), text);
        DrlParser parser = new DrlParser();
        PackageDescr pkg = parser.parse(false, text);
        if (pkg == null || parser.hasErrors()) {
          unreadable.add(f.getKey());
        }
        if (pkg == null) {
          continue;
        }
        for (RuleDescr r : pkg.getRules()) {
          rules.add(rule(f.getKey(), text, r, map));
        }
      } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
        // Compiling reports the problem, with its place; here the file has no rules.
        unreadable.add(f.getKey());
      }
    }
    return new RuleSource(rules, unreadable, expanded, lineMaps, dsl.toString());
  }

  private static RuleText rule(String file, String text, RuleDescr r, int[] map) {
    java.util.function.IntUnaryOperator original =
        line -> map == null || line < 1 || line > map.length ? line : map[line - 1];
    List<WrittenCondition> conditions = new ArrayList<>();
    AndDescr lhs = r.getLhs();
    if (lhs != null) {
      for (BaseDescr d : lhs.getDescrs()) {
        WrittenCondition c = condition(text, d);
        conditions.add(
            new WrittenCondition(original.applyAsInt(c.line()), c.factType(), c.kind(), c.text()));
      }
    }
    String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
    int consequenceLine = Math.max(r.getConsequenceLine(), r.getLine());
    List<WrittenFinding> concludes = new ArrayList<>();
    List<String> lines = text.lines().toList();
    Matcher m = FINDING.matcher(consequence);
    while (m.find()) {
      int[] at = locate(lines, consequenceLine, "\"" + m.group(3) + "\"");
      concludes.add(
          new WrittenFinding(
              m.group(1),
              m.group(2) == null ? "" : m.group(2),
              m.group(3),
              m.group(4) == null ? "" : m.group(4),
              original.applyAsInt(at[0]),
              at[1] + 1));
    }
    Matcher u = UNCHECKED.matcher(consequence);
    while (u.find()) {
      int[] at = locate(lines, consequenceLine, "\"" + u.group(1) + "\"");
      concludes.add(
          new WrittenFinding(
              "unchecked",
              "INCONCLUSIVE",
              u.group(1),
              u.group(2) == null ? "" : u.group(2),
              original.applyAsInt(at[0]),
              at[1] + 1));
    }
    Matcher v = CONCLUSION.matcher(consequence);
    while (v.find()) {
      int[] at = locate(lines, consequenceLine, "\"" + v.group(2) + "\"");
      concludes.add(
          new WrittenFinding(
              "conclusion", v.group(1), v.group(2), "", original.applyAsInt(at[0]), at[1] + 1));
    }
    return new RuleText(
        r.getName(),
        file,
        original.applyAsInt(r.getLine()),
        conditions,
        consequence,
        original.applyAsInt(consequenceLine),
        concludes);
  }

  private static WrittenCondition condition(String text, BaseDescr d) {
    String shown = d.getText();
    if (d.getStartCharacter() >= 0
        && d.getEndCharacter() > d.getStartCharacter()
        && d.getEndCharacter() <= text.length()) {
      shown = text.substring(d.getStartCharacter(), d.getEndCharacter());
    }
    String kind =
        d.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT);
    String type = d instanceof PatternDescr p ? p.getObjectType() : "";
    if (shown == null || shown.isBlank()) {
      shown = type.isEmpty() ? kind : type + "( ... )";
    }
    return new WrittenCondition(
        d.getLine(), type == null ? "" : type, kind, shown.strip().replaceAll("\\s+", " "));
  }

  /** The 1-based line and 0-based column of a text at or after a 1-based line; else that line. */
  private static int[] locate(List<String> lines, int fromLine, String needle) {
    for (int i = Math.max(fromLine - 1, 0); i < lines.size(); i++) {
      int at = lines.get(i).indexOf(needle);
      if (at >= 0) {
        return new int[] {i + 1, at + 1};
      }
    }
    return new int[] {fromLine, 0};
  }

  public List<RuleText> rules() {
    return rules;
  }

  /**
   * Rule files that did not parse (whole or in part): their rules may be missing from {@link
   * #rules()}, so what "no rule does X" would say about them is not known.
   */
  public java.util.Set<String> unreadable() {
    return unreadable;
  }

  /** A rule by name, if some file defines it. */
  public java.util.Optional<RuleText> rule(String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** Each rule file's text as Drools compiles it: a {@code .dslr} with its sentences expanded. */
  public Map<String, String> expanded() {
    return expanded;
  }

  /** Every .dsl file of the set, one after the other. */
  public String dsl() {
    return dsl;
  }
}
