package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Conclusion;
import dev.xtreamdoctor.engine.facts.Finding;
import java.util.List;

/**
 * What the rules concluded, before any words are attached.
 *
 * @param conclusion the ranking rules' verdict
 * @param findings every finding, most important first: by severity, then layer, then category, then
 *     cause id (the vocabularies' orders, {@link Vocabulary})
 * @param rulesFired rule names in firing order
 */
public record Evaluation(Conclusion conclusion, List<Finding> findings, List<String> rulesFired) {}
