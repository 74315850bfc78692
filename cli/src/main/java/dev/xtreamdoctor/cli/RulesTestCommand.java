package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.ReportWords;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleLimits;
import dev.xtreamdoctor.engine.RuleProblem;
import dev.xtreamdoctor.engine.RuleSource;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import dev.xtreamdoctor.features.RulesUnderTest;
import dev.xtreamdoctor.features.ScenarioResult;
import dev.xtreamdoctor.features.ScenarioRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor rules test [DIR] [--scenarios DIR]}: replays the guide's scenarios (shipped
 * in the jar) and the support team's own against the rules in DIR, so an edit that changes a
 * diagnosis shows before it is deployed.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the guide's scenarios, and your own .feature files, against the rules in DIR"
          + " (default: the bundled rules). Prints each failed scenario (the step, expected vs got)"
          + " and a one-line summary; -v also lists every scenario that passed and the rules no"
          + " scenario fired. Thresholds and limits come from --config FILE, DOCTOR_* variables"
          + " and -D, as for evaluate."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:every scenario passed",
      " 1:a scenario failed",
      " 2:bad usage",
      " 3:the rules do not compile",
      "70:internal error"
    })
public final class RulesTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin Verbosity verbosity;

  @Parameters(arity = "0..1", paramLabel = "DIR", description = "A rules directory.")
  Path dir;

  @Option(
      names = "--scenarios",
      paramLabel = "DIR",
      description = "Also run the .feature files in DIR (or this one .feature file).")
  List<Path> scenarios = new ArrayList<>();

  @Option(names = "--only-mine", description = "Run only the --scenarios files, not the guide's.")
  boolean onlyMine;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A properties file of doctor.* keys (e.g. a changed threshold to test); -D and DOCTOR_* variables still win.")
  Path configFile;

  @Override
  public Integer call() throws CliException {
    checkArguments();
    DoctorConfig config = Engines.config(configFile);
    RuleFiles files;
    RuleBook book;
    List<ScenarioResult> results;
    RulesUnderTest tested;
    // A spinner on standard error while the rules compile and the scenarios run, on a terminal.
    ReportWords words = ReportWords.bundled();
    Terminal terminal = ((XtreamDoctorCommand) spec.root().userObject()).terminal();
    try (LiveProgress progress =
        LiveProgress.start(
            spec.commandLine().getErr(), terminal, new OutputOptions(), words, false)) {
      try {
        progress.step(words.say("progress.compiling"));
        files = dir == null ? RuleFiles.bundled() : RuleFiles.fromDirectory(dir);
        book = compiled(files, config.limits());
      } catch (RulesException e) {
        throw new CliException(
            ExitCode.RULES,
            e.problems().stream()
                    .map(RuleProblem::toString)
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("")
                + "\nrules FAILED: the rules cannot be used; 'rules check' says the same");
      }
      try {
        progress.step(ReportWords.of(book.catalogue()).say("progress.scenarios"));
        tested = new RulesUnderTest(book, config.settings(), config.limits());
        results = ScenarioRunner.run(tested, !onlyMine, scenarios);
      } catch (RuntimeException e) {
        // Cucumber's way of saying a .feature file cannot be read.
        throw CliException.badInput(
            "cannot read the scenarios: "
                + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
      }
    }
    return report(results, files, book, tested.firedSoFar());
  }

  private void checkArguments() throws CliException {
    for (Path p : scenarios) {
      if (!Files.exists(p)) {
        throw CliException.badInput(p + ": no such file or directory");
      }
    }
    if (onlyMine && scenarios.isEmpty()) {
      throw CliException.badInput("--only-mine needs --scenarios DIR");
    }
  }

  /** Prints each failed scenario (every one with -v), the rules no scenario fired, a summary. */
  private int report(
      List<ScenarioResult> results, RuleFiles files, RuleBook book, Set<String> fired) {
    PrintWriter out = spec.commandLine().getOut();
    boolean verbose = verbosity.verbose;
    int failed = 0;
    for (ScenarioResult r : results) {
      if (r.passed() && !verbose) {
        continue;
      }
      out.println(
          (r.passed() ? "PASS " : "FAIL ") + r.feature() + ":" + r.line() + ": " + r.name());
      if (!r.passed()) {
        failed++;
        if (!r.failedStep().isEmpty()) {
          out.println("     at " + r.failedStep());
        }
        r.problem().lines().forEach(l -> out.println("     " + l));
      }
    }
    List<String> unused = neverFired(files, book, fired);
    if (!unused.isEmpty() && verbose) {
      out.println();
      out.println(
          "Rules no scenario fired ("
              + unused.size()
              + "): add a scenario for each, or remove the rule");
      unused.forEach(u -> out.println("  " + u));
    }
    if (verbose || failed > 0) {
      out.println();
    }
    out.println(
        "scenarios: "
            + (results.size() - failed)
            + " passed, "
            + failed
            + " failed"
            + (results.isEmpty() ? " (no scenarios found)" : "")
            + (unused.isEmpty()
                ? ""
                : "; "
                    + unused.size()
                    + (unused.size() == 1 ? " rule" : " rules")
                    + " fired in no scenario"
                    + (verbose ? "" : " (-v lists them)")));
    out.flush();
    return failed > 0 || results.isEmpty() ? ExitCode.FAULT : ExitCode.NO_FAULT;
  }

  /** Rule sets compiled in this process, by fingerprint: an unchanged set is compiled once. */
  private static final java.util.Map<String, RuleBook> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static RuleBook compiled(RuleFiles files, RuleLimits limits) throws RulesException {
    RuleBook known = COMPILED.get(files.fingerprint());
    if (known != null) {
      return known;
    }
    RuleBook book = RuleBook.compile(files, limits);
    COMPILED.put(files.fingerprint(), book);
    return book;
  }

  /** The rules that fired in no scenario, as file:line: "name", in file order. */
  private static List<String> neverFired(RuleFiles files, RuleBook book, Set<String> fired) {
    RuleSource source = RuleSource.of(files);
    List<String> unused = new ArrayList<>();
    for (RuleSource.RuleText r : source.rules()) {
      if (!fired.contains(r.name())) {
        unused.add(files.displayName(r.file()) + ":" + r.line() + ": \"" + r.name() + "\"");
      }
    }
    book.kieBase().getKiePackages().stream()
        .flatMap(p -> p.getRules().stream())
        .filter(r -> !fired.contains(r.getName()) && source.rule(r.getName()).isEmpty())
        .forEach(r -> unused.add("\"" + r.getName() + "\""));
    return unused;
  }
}
