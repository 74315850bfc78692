package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Finding;
import dev.xtreamdoctor.engine.facts.Settings;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a rule set on facts it will meet, under {@link RuleLimits}, before it is used: a rule
 * that keeps firing, a then part that throws or never returns, or a set that draws no conclusion is
 * an error with the rule's file:line; two errors of different categories on one layer are a
 * warning, because only the ranking's order among categories then decides between them.
 */
public final class RuleSmoke {
  private final RuleBook book;
  private final DiagnosisEngine engine;
  private final List<RuleLint.Problem> problems = new ArrayList<>();
  private final Set<String> said = new HashSet<>();
  private boolean ranAway;

  public RuleSmoke(RuleBook book, RuleLimits limits) {
    this.book = book;
    this.engine = new DiagnosisEngine(book, Settings.defaults(), limits.forChecks());
  }

  /** The smoke evaluation of every bundled example. */
  static List<RuleLint.Problem> examples(RuleBook book, RuleLimits limits) {
    RuleSmoke smoke = new RuleSmoke(book, limits);
    for (Examples.Example e : Examples.bundled()) {
      if (!smoke.evaluate(e.facts(), "the bundled example facts " + e.name())) {
        break;
      }
    }
    return smoke.problems();
  }

  /**
   * Evaluates facts and notes what went wrong.
   *
   * @param where what the facts are, for messages ("the bundled example facts banned.json")
   * @return false once a rule ran away: further evaluations would only repeat it, slowly
   */
  public boolean evaluate(Collection<? extends Fact> facts, String where) {
    if (ranAway) {
      return false;
    }
    try {
      Evaluation e = engine.evaluateRules(facts);
      conflicts(e.findings(), e.rulesFired(), where);
      return true;
    } catch (RulesFailedException e) {
      failed(e.problems(), where);
      ranAway =
          e.reason() != RulesFailedException.Reason.RULE_ERROR
              && e.reason() != RulesFailedException.Reason.NO_CONCLUSION;
      return !ranAway;
    }
  }

  /** Notes the problems of an evaluation that failed elsewhere (a scenario step), as errors. */
  public void failed(List<RuleProblem> failures, String where) {
    for (RuleProblem p : failures) {
      if (said.add(p.toString())) {
        problems.add(
            new RuleLint.Problem(
                true,
                new RuleProblem(
                    p.file(), p.line(), p.column(), p.message() + SEEN_ON + where + ")")));
      }
    }
  }

  /** Errors and warnings so far. */
  public List<RuleLint.Problem> problems() {
    return List.copyOf(problems);
  }

  /** Where a problem was seen ends its message: " (seen on scenario ...)". */
  public static final String SEEN_ON = " (seen on ";

  /**
   * Warns about two errors of different categories on one layer among these findings.
   *
   * @param fired the rules that fired, to tell which of the rules concluding a cause did
   */
  public void conflicts(List<Finding> findings, List<String> fired, String where) {
    List<Finding> errors = findings.stream().filter(Finding::isError).toList();
    for (int i = 0; i < errors.size(); i++) {
      for (int j = i + 1; j < errors.size(); j++) {
        Finding a = errors.get(i);
        Finding b = errors.get(j);
        if (!a.layer().equals(b.layer()) || a.category().equals(b.category())) {
          continue;
        }
        Finding first = Vocabulary.decidesBefore(a, b) ? a : b;
        Finding second = first == a ? b : a;
        if (!said.add("conflict " + first.causeId() + "/" + second.causeId())) {
          continue;
        }
        Optional<RuleSource.RuleText> rule = concluding(first, fired);
        Optional<RuleSource.RuleText> other = concluding(second, fired);
        String file =
            rule.map(r -> book.files().displayName(r.file())).orElse(book.files().origin());
        int line = rule.map(RuleSource.RuleText::line).orElse(0);
        problems.add(
            new RuleLint.Problem(
                false,
                new RuleProblem(
                    file,
                    line,
                    1,
                    name(rule, first)
                        + " and "
                        + name(other, second)
                        + other
                            .map(
                                r ->
                                    " ("
                                        + book.files().displayName(r.file())
                                        + ":"
                                        + r.line()
                                        + ")")
                            .orElse("")
                        + " both find an error on the "
                        + first.layer()
                        + " layer, with different categories: "
                        + first.category()
                        + " ("
                        + first.causeId()
                        + ") decides, because on one layer the categories rank "
                        + String.join(", ", Vocabulary.FAULT_CATEGORIES)
                        + "; if "
                        + second.category()
                        + " should win, give one of the rules a condition that rules the other out"
                        + SEEN_ON
                        + where
                        + ")")));
      }
    }
  }

  private static String name(Optional<RuleSource.RuleText> rule, Finding f) {
    return rule.map(r -> "rule \"" + r.name() + "\"").orElse("the rule concluding " + f.causeId());
  }

  /** The rule that concluded this finding: one that fired and concludes its cause as an error. */
  private Optional<RuleSource.RuleText> concluding(Finding f, List<String> fired) {
    List<RuleSource.RuleText> candidates =
        book.source().rules().stream()
            .filter(
                r ->
                    r.concludes().stream()
                        .anyMatch(
                            c ->
                                c.causeId().equals(f.causeId())
                                    && (c.category().isEmpty() || c.category().equals(f.category()))
                                    && c.severity().equals("error")))
            .toList();
    return candidates.stream()
        .filter(r -> fired.contains(r.name()))
        .findFirst()
        .or(() -> candidates.stream().findFirst());
  }
}
