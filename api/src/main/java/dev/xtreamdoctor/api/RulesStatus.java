package dev.xtreamdoctor.api;

import dev.xtreamdoctor.engine.RuleProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rule set in use and how the last reload went.
 *
 * @param fingerprint the content hash of the rule set in use
 * @param origin where it came from: {@code bundled} or the directory
 * @param loadedAt when it was put in use
 * @param lastReload the last reload that was refused, if the newest attempt failed
 */
public record RulesStatus(
    String fingerprint, String origin, Instant loadedAt, Optional<FailedReload> lastReload) {

  /**
   * A reload that was refused; the previous rule set stayed in use.
   *
   * @param at when it was tried
   * @param problems what is wrong, with file, line and column where known
   */
  public record FailedReload(Instant at, List<RuleProblem> problems) {
    public FailedReload {
      problems = List.copyOf(problems);
    }
  }
}
