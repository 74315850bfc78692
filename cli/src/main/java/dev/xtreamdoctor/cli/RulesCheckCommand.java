package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleCheck;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleLimits;
import dev.xtreamdoctor.engine.RuleLint;
import dev.xtreamdoctor.engine.RuleProblem;
import dev.xtreamdoctor.engine.RuleSmoke;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.facts.Finding;
import dev.xtreamdoctor.features.RulesUnderTest;
import dev.xtreamdoctor.features.ScenarioResult;
import dev.xtreamdoctor.features.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor rules check [DIR]}: every check a rule set must pass before it is used
 * ({@link RuleCheck}: the same that {@code evaluate --rules}, {@code diagnose} and the service's
 * hot reload make, so what this refuses they refuse), plus a smoke run of every guide scenario
 * under the runaway guard, so support staff validate an edit before they deploy it.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check the rules in DIR (default: the bundled rules) the way every loader does, and more:"
          + " they compile; categories, layers, outcome codes and app messages exist; every"
          + " finding is reported and has words and a fix in catalogue.properties, whose keys and"
          + " {placeholders} are right; rules call no Java beyond what they need and never loop;"
          + " and every bundled example and guide scenario evaluates under doctor.rules.max-firings"
          + " and doctor.rules.deadline-ms without a rule running away, throwing, or leaving no"
          + " conclusion. Two errors of different categories on one layer are a warning. Each"
          + " problem is one line, file:line:col: message (warnings say 'warning:')."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the rules pass every check (warnings allowed)",
      " 2:bad usage",
      " 3:the rules have problems",
      "70:internal error"
    })
public final class RulesCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin Verbosity verbosity;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "A rules directory.")
  Path dir;

  @Override
  public Integer call() throws CliException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RuleLimits limits = Engines.config((Path) null).limits();
    RuleFiles files;
    try {
      files = dir == null ? RuleFiles.bundled() : RuleFiles.fromDirectory(dir);
    } catch (RulesException e) {
      return failed(
          err, e.problems().stream().map(RuleProblem::toString).toList(), e.problems().size(), 0);
    }
    RuleCheck.Report report = RuleCheck.run(asChecked(files), limits);
    List<RuleLint.Problem> problems = new ArrayList<>(report.problems());
    if (report.errors().isEmpty() && report.book().isPresent()) {
      for (RuleLint.Problem p : scenarios(report.book().get(), limits)) {
        // The same finding on an example and on a scenario is one problem.
        if (problems.stream().noneMatch(q -> sameProblem(p, q))) {
          problems.add(p);
        }
      }
    }
    List<String> lines = problems.stream().map(RuleLint.Problem::toString).toList();
    long errors = problems.stream().filter(RuleLint.Problem::error).count();
    long warnings = problems.size() - errors;
    if (errors > 0) {
      return failed(err, lines, errors, warnings);
    }
    lines.forEach(err::println);
    err.flush();
    long rules =
        report.book().get().kieBase().getKiePackages().stream()
            .mapToLong(p -> p.getRules().size())
            .sum();
    long ruleFiles =
        files.files().keySet().stream().filter(RulesCheckCommand::isRuleSource).count();
    out.println(
        "rules OK: "
            + rules
            + " rules in "
            + ruleFiles
            + " files"
            + (warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings")));
    out.flush();
    return ExitCode.NO_FAULT;
  }

  /**
   * The bundled rules are checked like any directory here (loading them skips the checks, which the
   * build has made).
   */
  private static RuleFiles asChecked(RuleFiles files) {
    return files.isBundled() ? new RuleFiles("rules", null, files.files()) : files;
  }

  /**
   * Every guide scenario, run under the limits: a scenario that makes a rule run away, throw or
   * leave no conclusion is an error at that rule; two errors of different categories on one layer,
   * a warning. Whether a scenario's expectations hold is {@code rules test}'s business.
   */
  private static List<RuleLint.Problem> scenarios(RuleBook book, RuleLimits limits) {
    RuleSmoke smoke = new RuleSmoke(book, limits);
    RulesUnderTest tested =
        new RulesUnderTest(book, dev.xtreamdoctor.engine.facts.Settings.defaults(), limits)
            .watchedBy((where, d) -> smoke.conflicts(findings(d), d.rulesFired(), where));
    List<ScenarioResult> results = ScenarioRunner.run(tested, true, List.of());
    for (ScenarioResult r : results) {
      if (!r.ruleProblems().isEmpty()) {
        smoke.failed(
            r.ruleProblems(),
            "scenario \""
                + r.name()
                + "\" ("
                + r.feature().replaceFirst("^classpath:", "")
                + ":"
                + r.line()
                + ")");
      }
    }
    return smoke.problems();
  }

  private static boolean sameProblem(RuleLint.Problem a, RuleLint.Problem b) {
    return a.error() == b.error()
        && a.at().file().equals(b.at().file())
        && a.at().line() == b.at().line()
        && withoutWhere(a.at().message()).equals(withoutWhere(b.at().message()));
  }

  private static String withoutWhere(String message) {
    int at = message.lastIndexOf(RuleSmoke.SEEN_ON);
    return at < 0 ? message : message.substring(0, at);
  }

  private static List<Finding> findings(Diagnosis d) {
    return d.findings().stream()
        .map(
            f ->
                new Finding(
                    f.category(), f.causeId(), f.severity(), f.layer(), List.of(), Map.of()))
        .toList();
  }

  private static int failed(PrintWriter err, List<String> lines, long errors, long warnings) {
    lines.forEach(err::println);
    err.println(
        "rules FAILED: "
            + errors
            + (errors == 1 ? " problem" : " problems")
            + (warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings")));
    err.flush();
    return ExitCode.RULES;
  }

  private static boolean isRuleSource(String name) {
    return name.endsWith(".drl") || name.endsWith(".dslr") || name.endsWith(".dsl");
  }
}
