package dev.xtreamdoctor.engine.facts;

/**
 * The ranking rules' verdict: the primary category and the finding that decided it.
 *
 * @param category the primary category
 * @param causeId the deciding cause, or {@code HEALTHY} when nothing is wrong
 */
public record Conclusion(String category, String causeId) {}
