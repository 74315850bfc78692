package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Catalogue;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleLint;
import dev.xtreamdoctor.engine.RuleProblem;
import dev.xtreamdoctor.engine.RuleSource;
import dev.xtreamdoctor.engine.RulesException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor rules check [DIR]}: compiles a rule set the way a diagnosis would, so
 * support staff validate an edit before they deploy it.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Compile the rules in DIR (default: the bundled rules) and check them: every finding has"
          + " words and a fix in catalogue.properties, categories and rule names are right, and"
          + " rules call no Java beyond what they need. Each problem is one line,"
          + " file:line:col: message (warnings say 'warning:')."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the rules compile and have no errors (warnings allowed)",
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
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RuleFiles files;
    try {
      files = dir == null ? RuleFiles.bundled() : RuleFiles.fromDirectory(dir);
    } catch (RulesException e) {
      return failed(err, e.problems().stream().map(RuleProblem::toString).toList(), e.problems().size(), 0);
    }
    List<RuleProblem> compileProblems = new ArrayList<>();
    long rules = 0;
    try {
      RuleBook book = RuleBook.compile(files);
      rules = book.kieBase().getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
    } catch (RulesException e) {
      compileProblems.addAll(e.problems());
    }
    Optional<Catalogue> catalogue = catalogue(files);
    List<RuleLint.Problem> lint = RuleLint.check(files, RuleSource.of(files), catalogue);
    List<String> lines = new ArrayList<>();
    compileProblems.forEach(p -> lines.add(p.toString()));
    int errors = compileProblems.size();
    int warnings = 0;
    for (RuleLint.Problem p : lint) {
      // The compiler may have said it already (two rules with one name): once is enough.
      boolean said =
          compileProblems.stream()
              .anyMatch(c -> c.file().equals(p.at().file()) && c.line() == p.at().line() && c.message().equals(p.at().message()));
      if (!said) {
        lines.add(p.toString());
        if (p.error()) {
          errors++;
        } else {
          warnings++;
        }
      }
    }
    if (errors > 0) {
      return failed(err, lines, errors, warnings);
    }
    lines.forEach(err::println);
    err.flush();
    long ruleFiles = files.files().keySet().stream().filter(RulesCheckCommand::isRuleSource).count();
    out.println(
        "rules OK: " + rules + " rules in " + ruleFiles + " files"
            + (warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings")));
    out.flush();
    return ExitCode.NO_FAULT;
  }

  private static int failed(PrintWriter err, List<String> lines, int errors, int warnings) {
    lines.forEach(err::println);
    err.println(
        "rules FAILED: " + errors + (errors == 1 ? " problem" : " problems")
            + (warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings")));
    err.flush();
    return ExitCode.RULES;
  }

  /** The catalogue, for lint; a broken one is already a compile problem. */
  private static Optional<Catalogue> catalogue(RuleFiles files) {
    String text = files.files().get(RuleFiles.CATALOGUE);
    try {
      return text == null ? Optional.empty() : Optional.of(Catalogue.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isRuleSource(String name) {
    return name.endsWith(".drl") || name.endsWith(".dslr") || name.endsWith(".dsl");
  }
}
