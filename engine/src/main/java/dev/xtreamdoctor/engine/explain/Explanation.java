package dev.xtreamdoctor.engine.explain;

import java.util.List;

/**
 * Why a diagnosis says what it says: the chain from facts to the deciding finding, and for each
 * other category, why none of its rules decided. A value, rendered as text or JSON by {@link
 * ExplanationRenderer}.
 *
 * @param category the primary category
 * @param causeId the deciding cause
 * @param chain the rules behind the conclusion, conclusion first; each step's depth says what it
 *     feeds (a step at depth n+1 produced something a step at depth n matched)
 * @param whyNot for every other fault category, why it was not the conclusion
 */
public record Explanation(String category, String causeId, List<Step> chain, List<WhyNot> whyNot) {
  public Explanation {
    chain = List.copyOf(chain);
    whyNot = List.copyOf(whyNot);
  }

  /**
   * One rule that fired on the way to the conclusion.
   *
   * @param depth 0 for the rule that drew the conclusion, 1 for the rules that fed it, ...
   * @param rule the rule's name
   * @param file the rule's file ("" if unknown)
   * @param line the rule's line (0 if unknown)
   * @param produced what it added: "Conclusion ...", "Finding ...", "Condition ..."
   * @param matched the facts it matched, each in one line
   */
  public record Step(
      int depth, String rule, String file, int line, String produced, List<String> matched) {
    public Step {
      matched = List.copyOf(matched);
    }
  }

  /**
   * Why one category did not decide.
   *
   * @param category the category
   * @param summary one line: no rule of it fired, or its findings came after the deciding layer
   * @param rules each rule that could have concluded it, and what stopped it
   */
  public record WhyNot(String category, String summary, List<Miss> rules) {
    public WhyNot {
      rules = List.copyOf(rules);
    }
  }

  /**
   * A rule that could have concluded a category, and the first of its conditions that did not hold.
   *
   * @param rule the rule's name
   * @param file its file
   * @param line its line
   * @param conditionLine the line of the condition that did not hold (0 if none)
   * @param condition that condition as written in the file ("" if none)
   * @param reason what did not hold, in plain words
   */
  public record Miss(
      String rule, String file, int line, int conditionLine, String condition, String reason) {}
}
