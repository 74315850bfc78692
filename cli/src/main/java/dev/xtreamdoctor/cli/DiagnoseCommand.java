package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.PageSignals;
import dev.xtreamdoctor.engine.ReportWords;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import dev.xtreamdoctor.engine.explain.ExplainedDiagnosis;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.Diagnoser;
import dev.xtreamdoctor.probes.DiagnosisRun;
import dev.xtreamdoctor.probes.ProbeListener;
import dev.xtreamdoctor.probes.ProbeRequest;
import dev.xtreamdoctor.probes.ProbeSettings;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor diagnose --server URL --username U --password-file FILE}: looks at the real
 * panel and network, and says why the login fails.
 */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description = {
      "Look at the panel and the network, and say why the login fails.",
      "The server may be a pasted link that carries the username and password"
          + " (get.php, player_api.php, /playlist/U/P ...); then --username and --password may be"
          + " left out. Timeouts and resolvers come from doctor.timeout.* and doctor.dns.*"
          + " (e.g. DOCTOR_DNS_SYSTEM_RESOLVERS=127.0.0.1:5353)."
    })
// Exit codes: the same list as the root command, set in XtreamDoctorCommand.commandLine.
public final class DiagnoseCommand implements Callable<Integer> {
  /** The environment variable a password can come from, so it stays out of the process list. */
  static final String PASSWORD_ENV = LineOptions.PASSWORD_ENV;

  @Spec CommandSpec spec;
  @ParentCommand XtreamDoctorCommand root;
  @Mixin Verbosity verbosity;
  @Mixin OutputOptions output;
  @Mixin EngineOptions engineOptions;
  @Mixin ExplainOption explain;
  @Mixin LineOptions line;

  @Option(names = "--timing", hidden = true, description = "Print the probe times on stderr.")
  boolean timing;

  @Override
  public Integer call() throws CliException {
    line.requireServer();
    DoctorConfig config = Engines.config(engineOptions);
    // The HTTP client and dnsjava's tables get ready while the rules' text and options are read.
    Diagnoser diagnoser = new Diagnoser(ProbeSettings.from(config));
    diagnoser.prepare();
    // The rules' text first (what an app may show, what pages look like: both data in rules/);
    // they compile while the probes wait on the network.
    RuleFiles files = Engines.ruleFilesOrExit(engineOptions, config);
    ProbeRequest request =
        line.request(root.terminal(), Engines.appMessages(files), Engines.devices(files));
    String language = output.language(files.languages(), root.terminal());
    CompletableFuture<RuleBook> rules = loadRules(files, config);
    DiagnosisRun run;
    try (LiveProgress progress =
        LiveProgress.start(
            spec.commandLine().getErr(),
            root.terminal(),
            output,
            ReportWords.of(Engines.languageWords(files, language)),
            true)) {
      run = probe(diagnoser, request, PageSignals.of(files), progress);
    }
    RuleBook book = await(rules);
    DiagnosisEngine engine = new DiagnosisEngine(book, config.settings(), config.limits());
    ExplainedDiagnosis judged = explain.evaluate(engine, run.facts(), language);
    ExplainedDiagnosis explained =
        new ExplainedDiagnosis(
            judged.diagnosis().checked(run.startedAt(), run.username()), judged.explanation());
    Diagnosis diagnosis = explained.diagnosis();
    spec.commandLine()
        .getOut()
        .print(explain.render(output, root.terminal(), explained, book.catalogue(language)));
    spec.commandLine().getOut().flush();
    if (timing) {
      spec.commandLine()
          .getErr()
          .printf(
              "timing: diagnosis wall %d ms, probes %s (sum %d ms)%n",
              run.wallMillis(), run.probeMillis(), run.sumOfProbeMillis());
      spec.commandLine().getErr().flush();
    }
    return ExitCode.of(diagnosis);
  }

  private CompletableFuture<RuleBook> loadRules(RuleFiles files, DoctorConfig config) {
    CompletableFuture<RuleBook> rules = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                rules.complete(Engines.rules(files, config, root.terminal()));
              } catch (CliException | RuntimeException | Error e) {
                rules.completeExceptionally(e);
              }
            },
            "rules-load");
    t.setDaemon(true);
    t.start();
    return rules;
  }

  private static RuleBook await(CompletableFuture<RuleBook> rules) throws CliException {
    try {
      return rules.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof CliException c) {
        throw c;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static DiagnosisRun probe(
      Diagnoser diagnoser, ProbeRequest request, PageSignals pages, ProbeListener listener)
      throws CliException {
    try {
      return diagnoser.withPageSignals(pages).withListener(listener).runTimed(request);
    } catch (BadServerInputException e) {
      throw CliException.badInput("--server: " + e.getMessage());
    }
  }
}
