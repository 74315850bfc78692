package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's table "When a rule is wrong", row by row: each mistake is made in a copy of the
 * rules called {@code my-rules}, the command the row names is run, and the one line the row shows
 * must be exactly what the person gets, and the only problem reported. The README is the source of
 * the expected lines, so it cannot drift from the program.
 */
class RuleMistakesTest {
  static final Path README = Path.of("..", "README.md");
  private static final String HEAD =
      "package dev.xtreamdoctor.rules;\n\nimport dev.xtreamdoctor.engine.facts.*;\n\n";
  private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| `([^`]+)` \\| `(.+)` \\|$");

  /**
   * The example's name in "(seen on the bundled example facts banned.json)", within a quoted
   * pattern.
   */
  private static final String SEEN_ON_EXAMPLE =
      "(?<=seen on the bundled example facts )[\\w.-]+\\.json";

  @TempDir Path tmp;

  /** One row: the mistake, the command (as the README writes it) and the line it prints. */
  record Row(String mistake, String command, String line) {}

  static List<Row> rows() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("### When a rule is wrong");
    assertTrue(start >= 0, "README has no section \"When a rule is wrong\"");
    List<Row> rows = new ArrayList<>();
    for (String l : readme.substring(start).lines().skip(1).toList()) {
      if (l.startsWith("#")) {
        break;
      }
      Matcher m = ROW.matcher(l);
      if (m.matches()) {
        rows.add(new Row(m.group(1), m.group(2), m.group(3).replace("\\|", "|")));
      }
    }
    return rows;
  }

  /** How to make each mistake, by the README row's first words. */
  private final Map<String, Mistake> mistakes = mistakes();

  @FunctionalInterface
  interface Mistake {
    void make(Path rules) throws IOException;
  }

  /**
   * The rule of the README's walkthrough, in a file of its own, and its words at the top of the
   * catalogue: most mistakes are made there, so the lines the table shows do not move when the
   * bundled rules change.
   */
  static final String PAUSED =
      "rule \"Authorization failed: the reseller paused the line\"\nwhen\n  The panel accepted the login\n"
          + "  - the account status is \"Paused\"\nthen\n  Conclude AUTHORIZATION_FAILED because of PAUSED at the account layer\n"
          + "  Add evidence that the panel accepted the login with its status\n  Fill in reseller as \"your reseller\"\n  Report it\nend\n";

  static final String PAUSED_WORDS =
      "PAUSED.title = The reseller has paused this line\n"
          + "PAUSED.impact = The panel knows the details but holds the line until {reseller} resumes it.\n"
          + "PAUSED.fix.1 = Ask {reseller} to resume the line.\n\n";

  private static void paused(Path rules, String from, String to) throws IOException {
    assertTrue(from.isEmpty() || PAUSED.contains(from) || PAUSED_WORDS.contains(from), from);
    String rule = from.isEmpty() ? PAUSED : PAUSED.replace(from, to);
    String words = from.isEmpty() ? PAUSED_WORDS : PAUSED_WORDS.replace(from, to);
    write(rules, "35-paused.dslr", rule);
    replace(
        rules.resolve("catalogue.properties"),
        "category.INVALID_DETAILS.title",
        words + "category.INVALID_DETAILS.title");
  }

  private static Map<String, Mistake> mistakes() {
    Map<String, Mistake> m = new LinkedHashMap<>();
    m.put(
        "A rule that re-triggers itself",
        r -> write(r, "95-loop.drl", RunawayRulesCliTest.DRL_LOOP.replace(HEAD, "")));
    m.put(
        "A loop written only in sentences",
        r -> write(r, "35-loop.dslr", RunawayRulesCliTest.DSL_LOOP.replace(HEAD, "")));
    m.put(
        "A then part that never ends",
        r ->
            write(
                r,
                "95-spin.drl",
                "rule \"Spin: wait for the panel\"\nwhen\n  LoginAnswer( status == \"Frozen\" )\nthen\n  while ( true ) { }\nend\n"));
    m.put(
        "A rule that runs away only on some facts",
        r ->
            write(
                r,
                "95-frozen.drl",
                "rule \"Frozen: look at the line again\"\nwhen\n  $l : LoginAnswer( status == \"Frozen\" )\nthen\n  update( $l );\nend\n"));
    m.put(
        "A misspelt category",
        r -> paused(r, "Conclude AUTHORIZATION_FAILED", "Conclude AUTHORISATION_FAILED"));
    m.put("A misspelt layer", r -> paused(r, "at the account layer", "at the acount layer"));
    m.put(
        "Two rules give two categories on one layer",
        r -> {
          write(
              r,
              "36-banned-ip.dslr",
              "rule \"Login failed: a banned line is often an address ban\"\nwhen\n  The panel accepted the login\n"
                  + "  - the account status is \"Banned\"\nthen\n  Conclude LOGIN_FAILED because of BANNED_ADDRESS at the account layer\n"
                  + "  Report it\nend\n");
          replace(
              r.resolve("catalogue.properties"),
              "category.INVALID_DETAILS.title",
              "BANNED_ADDRESS.title = The provider may have banned your address\nBANNED_ADDRESS.impact = Logins from it are refused.\n"
                  + "BANNED_ADDRESS.fix.1 = Try mobile data.\n\ncategory.INVALID_DETAILS.title");
        });
    m.put(
        "A misspelt {placeholder}",
        r -> paused(r, "until {reseller} resumes", "until {Reseller} resumes"));
    m.put("A misspelt catalogue key", r -> paused(r, "PAUSED.title =", "PAUSED.titel ="));
    m.put("A finding never reported", r -> paused(r, "  Report it\n", ""));
    m.put(
        "A missing `end`",
        r ->
            write(
                r,
                "95-mine.drl",
                "rule \"Mine: first\"\nwhen\n  LoginAnswer( )\nthen\n\nrule \"Mine: second\"\nwhen\n  LoginAnswer( )\nthen\nend\n"));
    m.put(
        "An unclosed quote in a sentence",
        r -> paused(r, "- the account status is \"Paused\"", "- the account status is \"Paused"));
    m.put(
        "Two rules with one name",
        r ->
            write(
                r,
                "95-mine.drl",
                "rule \"Mine: a rule\"\nwhen\n  LoginAnswer( )\nthen\nend\n\nrule \"Mine: a rule\"\nwhen\n  TcpConnect( )\nthen\nend\n"));
    m.put(
        "A sentence that matches none",
        r -> paused(r, "- the account status is", "- the acount status is"));
    m.put(
        "A misspelt outcome code",
        r ->
            write(
                r,
                "95-mine.drl",
                "rule \"Mine: any accepted login\"\nwhen\n  LoginAnswer( outcome == \"panel.login_okay\" )\nthen\nend\n"));
    m.put(
        "An app message the catalogue does not list",
        r ->
            paused(
                r,
                "  - the account status is \"Paused\"\n",
                "  - the account status is \"Paused\"\n  The user reported something\n  - the app shows \"authorisation_failed\"\n"));
    m.put(
        "A signal no page gets",
        r ->
            write(
                r,
                "95-mine.drl",
                "rule \"Mine: a block page\"\nwhen\n  HttpResponse( signals contains \"blok_page\" )\nthen\nend\n"));
    m.put(
        "A page signal that cannot be read",
        r ->
            replace(
                r.resolve("page-signals.txt"),
                "\n# ---- an internet provider's",
                "\nmy_isp_block ~ blocked (by myisp\n\n# ---- an internet provider's"));
    m.put(
        "Brackets nested 5,000 deep",
        r ->
            write(
                r,
                "95-deep.drl",
                "rule \"Deep\"\nwhen\n  LoginAnswer( "
                    + "(".repeat(5000)
                    + "auth == 1"
                    + ")".repeat(5000)
                    + " )\nthen\nend\n"));
    m.put("A mistyped scenario step", r -> {});
    m.put("A misspelt configuration key", r -> {});
    return m;
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfTheTableIsWhatThePersonGets() throws IOException {
    List<Row> rows = rows();
    assertEquals(
        mistakes.keySet().stream().sorted().toList(),
        rows.stream().map(r -> key(r.mistake())).sorted().toList(),
        "each row has a mistake here, each mistake a row");
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.mistake(), () -> check(row)));
  }

  private String key(String mistake) {
    return mistakes.keySet().stream().filter(mistake::startsWith).findFirst().orElse(mistake);
  }

  private void check(Row row) throws IOException {
    Path dir = tmp.resolve("r" + System.nanoTime());
    Path rules = SupportStaffWorkflowTest.copyOfRules(dir.resolve("my-rules"));
    // One mistake, one message: a new cause's words written in English only would also get one
    // warning per language file that lacks them.
    try (Stream<Path> words = Files.list(rules)) {
      for (Path f : (Iterable<Path>) words::iterator) {
        if (f.getFileName().toString().startsWith("catalogue_")) {
          Files.delete(f);
        }
      }
    }
    mistakes.get(key(row.mistake())).make(rules);
    String shownRules = rules.toString();
    String command = row.command();
    CliRun r;
    if (command.startsWith("rules check")) {
      // The rows show the firing limit's message: a busy machine must not reach the deadline first.
      System.setProperty("doctor.rules.deadline-ms", "60000");
      try {
        r = CliRun.run("rules", "check", shownRules);
      } finally {
        System.clearProperty("doctor.rules.deadline-ms");
      }
    } else if (command.startsWith("rules test")) {
      Path f = dir.resolve("ours.feature");
      Files.writeString(
          f,
          "Feature: Ours\n\n  Scenario: A typo\n    Given the facts of a workin login\n    When I evaluate the facts\n");
      r = CliRun.run("rules", "test", "--scenarios", f.toString(), "--only-mine");
    } else if (command.startsWith("evaluate --config")) {
      Path config = dir.resolve("my.properties");
      Files.writeString(config, "doctor.timout.connect-ms = 1000\n");
      r =
          CliRun.run(
              "evaluate",
              "--config",
              config.toString(),
              "--facts",
              SupportStaffWorkflowTest.EXAMPLES.resolve("banned.json").toString());
      r = new CliRun(r.exitCode(), r.out(), r.err().replace(config.toString(), "my.properties"));
    } else if (command.startsWith("evaluate --rules")) {
      Path facts = dir.resolve("frozen.json");
      Files.writeString(
          facts,
          Files.readString(SupportStaffWorkflowTest.EXAMPLES.resolve("banned.json"))
              .replace("\"Banned\"", "\"Frozen\""));
      System.setProperty("doctor.rules.deadline-ms", "60000");
      try {
        r = CliRun.run("evaluate", "--rules", shownRules, "--facts", facts.toString());
      } finally {
        System.clearProperty("doctor.rules.deadline-ms");
      }
    } else {
      throw new AssertionError("no way to run " + command);
    }
    String prefix = rules + java.io.File.separator;
    List<String> lines =
        Stream.concat(r.err().lines(), r.out().lines())
            .map(l -> l.strip().replace(prefix, "my-rules/"))
            .toList();
    // Exact, but for which bundled example shows the mistake first: the README names one, and a new
    // example may come before it in name order.
    Pattern exact =
        Pattern.compile(
            Pattern.quote(row.line()).replaceAll(SEEN_ON_EXAMPLE, "\\\\E[\\\\w.-]+\\\\.json\\\\Q"));
    assertTrue(
        lines.stream().anyMatch(l -> exact.matcher(l).matches()),
        "README: " + row.line() + "\ngot:\n" + String.join("\n", lines));
    if (command.startsWith("rules check")) {
      boolean warning = row.line().contains(": warning: ");
      String summary = lines.stream().filter(l -> l.startsWith("rules ")).findFirst().orElse("");
      assertTrue(
          summary.startsWith(warning ? "rules OK: " : "rules FAILED: 1 problem"),
          "one problem only: " + summary + "\n" + r);
      if (warning) {
        assertTrue(summary.endsWith(", 1 warning"), summary);
      }
    }
  }

  private static void write(Path rules, String name, String rule) throws IOException {
    Files.writeString(rules.resolve(name), HEAD + rule);
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    int at = text.indexOf(from);
    assertTrue(at >= 0, file + " lacks " + from);
    Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
  }
}
