package dev.xtreamdoctor.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot be used: it is refused whole, never half-loaded. */
public final class RulesException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<RuleProblem> problems;

  public RulesException(List<RuleProblem> problems) {
    super(
        problems.stream()
            .map(RuleProblem::toString)
            .collect(Collectors.joining(System.lineSeparator())));
    this.problems = List.copyOf(problems);
  }

  public RulesException(String file, String message) {
    this(List.of(new RuleProblem(file, 0, 0, message)));
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
