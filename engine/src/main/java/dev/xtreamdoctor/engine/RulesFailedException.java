package dev.xtreamdoctor.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The rules could not finish an evaluation: a rule kept firing, the deadline passed, a then part
 * threw, or no conclusion was drawn. Only this evaluation failed; the rule set, its other
 * evaluations and the process are unharmed. Each problem names the rule and where it is written
 * ({@code file:line:col: message}); the command line exits 3, the service answers {@code
 * application/problem+json}.
 */
public final class RulesFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** More rule firings than {@code doctor.rules.max-firings}, or too many matches. */
    TOO_MANY_FIRINGS,
    /** The evaluation was still firing rules at {@code doctor.rules.deadline-ms}. */
    DEADLINE,
    /** A then part never returned: the evaluation was abandoned at the deadline. */
    STUCK,
    /** A then part threw an exception. */
    RULE_ERROR,
    /** The rules ran to the end without a conclusion (the ranking rules are missing or broken). */
    NO_CONCLUSION
  }

  private final Reason reason;
  private final transient List<RuleProblem> problems;
  private final List<String> rules;

  RulesFailedException(Reason reason, List<RuleProblem> problems, List<String> rules) {
    super(
        problems.stream()
            .map(RuleProblem::toString)
            .collect(Collectors.joining(System.lineSeparator())));
    this.reason = reason;
    this.problems = List.copyOf(problems);
    this.rules = List.copyOf(rules);
  }

  public Reason reason() {
    return reason;
  }

  /** One line each, {@code file:line:col: message}, naming the rule. */
  public List<RuleProblem> problems() {
    return problems;
  }

  /** The names of the rules at fault, most to blame first (empty for NO_CONCLUSION). */
  public List<String> rules() {
    return rules;
  }
}
