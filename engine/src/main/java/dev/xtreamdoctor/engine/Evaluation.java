package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Conclusion;
import dev.xtreamdoctor.engine.facts.Finding;
import java.util.List;

/**
 * What the rules concluded, before any words are attached.
 *
 * @param conclusion the ranking rules' verdict
 * @param findings every finding, in the order the rules inserted them
 * @param rulesFired rule names in firing order
 */
public record Evaluation(Conclusion conclusion, List<Finding> findings, List<String> rulesFired) {}
