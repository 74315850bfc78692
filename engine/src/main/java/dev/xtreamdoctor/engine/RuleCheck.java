package dev.xtreamdoctor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every check a rule set must pass before anything uses it: the same for {@code rules check}, for
 * {@code evaluate}/{@code diagnose} with {@code --rules}, for the service's hot reload and for the
 * Java API, so that what one refuses, all refuse.
 *
 * <ol>
 *   <li>the files' shape ({@link RuleStructure}): every rule ends, brackets do not nest absurdly
 *       deep, no two rules share a name;
 *   <li>compiling (Drools' errors, in plain words: {@link RuleMessages});
 *   <li>lint ({@link RuleLint}): categories, layers, causes and their words, placeholders, Java a
 *       rule should not use; the page signals' lines ({@link PageSignals});
 *   <li>a smoke evaluation of every bundled example under {@link RuleLimits} ({@link RuleSmoke}): a
 *       rule that loops, throws, or leaves no conclusion is caught here, with its file:line.
 * </ol>
 *
 * <p>Errors refuse the set; warnings do not.
 */
public final class RuleCheck {
  private RuleCheck() {}

  /**
   * What the checks found.
   *
   * @param problems errors and warnings, in the order above
   * @param book the compiled rules, when they compiled (even if a later check failed)
   */
  public record Report(List<RuleLint.Problem> problems, Optional<RuleBook> book) {
    public Report {
      problems = List.copyOf(problems);
    }

    public List<RuleProblem> errors() {
      return problems.stream().filter(RuleLint.Problem::error).map(RuleLint.Problem::at).toList();
    }

    public List<RuleProblem> warnings() {
      return problems.stream().filter(p -> !p.error()).map(RuleLint.Problem::at).toList();
    }
  }

  /** Runs every check on a rule set, the smoke evaluation under these limits. */
  public static Report run(RuleFiles files, RuleLimits limits) {
    List<RuleLint.Problem> problems = new ArrayList<>();
    RuleStructure.Found structure = RuleStructure.check(files);
    RuleBook book = null;
    try {
      book = RuleBook.build(files, structure);
      structure.problems().forEach(p -> problems.add(new RuleLint.Problem(true, p)));
    } catch (RulesException e) {
      e.problems().forEach(p -> problems.add(new RuleLint.Problem(true, p)));
    }
    PageSignals.of(files).problems().forEach(p -> problems.add(new RuleLint.Problem(true, p)));
    if (!structure.tooDeep()) {
      RuleSource source = book != null ? book.source() : RuleSource.of(files);
      for (RuleLint.Problem p : RuleLint.check(files, source, catalogue(files))) {
        // Compiling may have said it already: once is enough.
        if (problems.stream().noneMatch(q -> q.at().equals(p.at()))) {
          problems.add(p);
        }
      }
    }
    if (book != null && problems.stream().noneMatch(RuleLint.Problem::error)) {
      problems.addAll(RuleSmoke.examples(book, limits));
    }
    return new Report(problems, Optional.ofNullable(book));
  }

  /** The catalogue, for lint; a missing or broken one is already a compile problem. */
  private static Optional<Catalogue> catalogue(RuleFiles files) {
    String text = files.files().get(RuleFiles.CATALOGUE);
    try {
      return text == null ? Optional.empty() : Optional.of(Catalogue.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
