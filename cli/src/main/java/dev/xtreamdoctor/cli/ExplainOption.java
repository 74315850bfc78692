package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Catalogue;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.explain.ExplainedDiagnosis;
import dev.xtreamdoctor.engine.explain.Explainer;
import dev.xtreamdoctor.engine.explain.ExplanationRenderer;
import dev.xtreamdoctor.engine.facts.Fact;
import java.util.Collection;
import picocli.CommandLine.Option;

/**
 * {@code --explain}, for every command that diagnoses: the diagnosis with why (the rules and facts
 * behind it, and why no other category). Costs nothing unless given.
 */
public final class ExplainOption {
  @Option(
      names = "--explain",
      description =
          "Also show why: which rules fired on which facts to reach the conclusion, and which"
              + " condition stopped each other category.")
  boolean explain;

  /** The diagnosis, explained only if --explain was given. */
  ExplainedDiagnosis evaluate(
      DiagnosisEngine engine, Collection<? extends Fact> facts, String language) {
    return explain
        ? Explainer.evaluate(engine, facts, language)
        : new ExplainedDiagnosis(engine.evaluate(facts, null, language), null);
  }

  /** The diagnosis in the chosen format and language, with the explanation if there is one. */
  String render(
      OutputOptions output, Terminal terminal, ExplainedDiagnosis explained, Catalogue words) {
    return ExplanationRenderer.render(output.format, output.renderer(terminal, words), explained);
  }
}
