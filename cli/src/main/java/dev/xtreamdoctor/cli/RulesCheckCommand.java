package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleProblem;
import dev.xtreamdoctor.engine.RulesException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
      "Compile the rules in DIR (default: the bundled rules) and report every problem as"
          + " file:line:col: message."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the rules compile",
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
    try {
      RuleFiles files = dir == null ? RuleFiles.bundled() : RuleFiles.fromDirectory(dir);
      RuleBook book = RuleBook.compile(files);
      long rules =
          book.kieBase().getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
      long ruleFiles =
          files.files().keySet().stream().filter(RulesCheckCommand::isRuleSource).count();
      out.println("rules OK: " + rules + " rules in " + ruleFiles + " files");
      out.flush();
      return ExitCode.NO_FAULT;
    } catch (RulesException e) {
      for (RuleProblem p : e.problems()) {
        err.println(p);
      }
      int n = e.problems().size();
      err.println("rules FAILED: " + n + (n == 1 ? " problem" : " problems"));
      err.flush();
      return ExitCode.RULES;
    }
  }

  private static boolean isRuleSource(String name) {
    return name.endsWith(".drl") || name.endsWith(".dslr") || name.endsWith(".dsl");
  }
}
