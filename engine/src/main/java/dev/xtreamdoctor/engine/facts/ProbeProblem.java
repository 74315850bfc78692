package dev.xtreamdoctor.engine.facts;

/**
 * A probe that could not run to the end because of the tool, not the user's line.
 *
 * @param probe the probe's name ({@code dns}, {@code tcp}, {@code tls}, {@code http}, {@code
 *     latency})
 * @param detail what went wrong, redacted
 */
public record ProbeProblem(String probe, String detail) implements Fact {}
