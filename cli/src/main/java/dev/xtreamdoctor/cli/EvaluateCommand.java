package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.FactsJson.FactsException;
import dev.xtreamdoctor.engine.FileErrors;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import dev.xtreamdoctor.engine.explain.ExplainedDiagnosis;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.watch.HistoryFacts;
import dev.xtreamdoctor.engine.watch.HistoryJson;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor evaluate --facts FILE|-}: diagnoses facts a file (or a helpdesk tool) gives.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Diagnose from facts already known, without touching the network.",
      "FILE is JSON: {\"facts\": [{\"type\": \"LoginAnswer\", \"outcome\": \"panel.auth_rejected\","
          + " \"auth\": 0}, ...]}; see rules/FACTS.md for every fact type and field.",
      "--history FILE takes a watch's history instead (or as well): what the checks mean together."
    })
// Exit codes: the same list as the root command, set in XtreamDoctorCommand.commandLine.
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand XtreamDoctorCommand root;
  @Mixin Verbosity verbosity;
  @Mixin OutputOptions output;
  @Mixin EngineOptions engineOptions;
  @Mixin ExplainOption explain;

  @Option(
      names = "--facts",
      paramLabel = "FILE",
      description = "The facts as JSON; - reads standard input.")
  String factsFile;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description =
          "A watch's history (JSON Lines, as watch --history writes it): the rules over time judge"
              + " it, with the --facts if given.")
  Path historyFile;

  @Option(names = "--timing", hidden = true, description = "Print each step's time on stderr.")
  boolean timing;

  @Override
  public Integer call() throws CliException {
    long t0 = System.nanoTime();
    if (factsFile == null && historyFile == null) {
      throw CliException.badInput("Missing required option: '--facts=FILE' (or --history=FILE)");
    }
    List<Fact> facts = new ArrayList<>(factsFile == null ? List.of() : readFacts());
    if (historyFile != null) {
      try {
        facts.addAll(HistoryFacts.of(HistoryJson.read(historyFile)));
      } catch (HistoryJson.HistoryException e) {
        throw CliException.badInput(e.getMessage());
      }
    }
    long t1 = System.nanoTime();
    DoctorConfig config = Engines.config(engineOptions);
    long t2 = System.nanoTime();
    RuleBook rules = Engines.rules(engineOptions, config, root.terminal());
    String language = output.language(rules.languages(), root.terminal());
    long t3 = System.nanoTime();
    ExplainedDiagnosis explained =
        explain.evaluate(
            new DiagnosisEngine(rules, config.settings(), config.limits()), facts, language);
    Diagnosis diagnosis = explained.diagnosis();
    long t4 = System.nanoTime();
    String text = explain.render(output, root.terminal(), explained, rules.catalogue(language));
    long t5 = System.nanoTime();
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    if (timing) {
      spec.commandLine()
          .getErr()
          .printf(
              "timing: JVM start to command %d ms, facts %d ms, config %d ms, rules %d ms,"
                  + " evaluate %d ms, render %d ms%n",
              java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                  - (t5 - t0) / 1_000_000,
              ms(t1 - t0),
              ms(t2 - t1),
              ms(t3 - t2),
              ms(t4 - t3),
              ms(t5 - t4));
      spec.commandLine().getErr().flush();
    }
    return ExitCode.of(diagnosis);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private List<Fact> readFacts() throws CliException {
    String name = factsFile.equals("-") ? "standard input" : factsFile;
    try (Reader in = open()) {
      return FactsJson.read(in);
    } catch (FactsException e) {
      throw CliException.badInput(name + ": " + e.getMessage());
    } catch (IOException e) {
      throw CliException.badInput(
          name + ": " + FileErrors.describe(e, "cannot read: " + e.getMessage()));
    } catch (jakarta.json.JsonException e) {
      // Parsson wraps a malformed-input error from the decoder here.
      throw CliException.badInput(name + ": not valid JSON text");
    }
  }

  private Reader open() throws IOException {
    if (factsFile.equals("-")) {
      return new InputStreamReader(
          root.terminal().in(),
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
    Path path = Path.of(factsFile);
    if (Files.isDirectory(path)) {
      throw new IOException("is a directory");
    }
    return Files.newBufferedReader(path, StandardCharsets.UTF_8);
  }
}
