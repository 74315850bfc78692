package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.FactsJson.FactsException;
import dev.xtreamdoctor.engine.facts.Fact;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xtream-doctor evaluate --facts FILE|-}: diagnoses facts a file (or a helpdesk tool) gives. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Diagnose from facts already known, without touching the network.",
      "FILE is JSON: {\"facts\": [{\"type\": \"LoginAnswer\", \"outcome\": \"panel.auth_rejected\","
          + " \"auth\": 0}, ...]}; see rules/FACTS.md for every fact type and field."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:no fault found",
      " 1:a fault was diagnosed",
      " 2:bad input or usage",
      " 3:rules failed to load",
      "70:internal error (run again with -v and report the stack trace)"
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand XtreamDoctor root;
  @Mixin Verbosity verbosity;
  @Mixin OutputOptions output;
  @Mixin EngineOptions engineOptions;

  @Option(
      names = "--facts",
      required = true,
      paramLabel = "FILE",
      description = "The facts as JSON; - reads standard input.")
  String factsFile;

  @Override
  public Integer call() throws CliException {
    List<Fact> facts = readFacts();
    DiagnosisEngine engine = Engines.engine(engineOptions);
    Diagnosis diagnosis = engine.evaluate(facts);
    spec.commandLine().getOut().print(output.renderer(root.terminal()).render(diagnosis));
    spec.commandLine().getOut().flush();
    return diagnosis.faultFound() ? ExitCode.FAULT : ExitCode.NO_FAULT;
  }

  private List<Fact> readFacts() throws CliException {
    String name = factsFile.equals("-") ? "standard input" : factsFile;
    try (Reader in = open()) {
      return FactsJson.read(in);
    } catch (FactsException e) {
      throw CliException.badInput(name + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw CliException.badInput(name + ": no such file");
    } catch (AccessDeniedException e) {
      throw CliException.badInput(name + ": permission denied");
    } catch (CharacterCodingException e) {
      throw CliException.badInput(name + ": not UTF-8 text");
    } catch (IOException e) {
      throw CliException.badInput(name + ": cannot read: " + e.getMessage());
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
