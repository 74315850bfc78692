package dev.xtreamdoctor.engine.explain;

import dev.xtreamdoctor.engine.Diagnosis;

/**
 * A diagnosis with its explanation.
 *
 * @param diagnosis the diagnosis
 * @param explanation why, or null when none was asked for
 */
public record ExplainedDiagnosis(Diagnosis diagnosis, Explanation explanation) {}
