package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.facts.CauseRun;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.LoginAnswer;
import dev.xtreamdoctor.engine.facts.Outcome;
import io.cucumber.java.After;
import java.util.List;
import java.util.Optional;

/**
 * "No fault" must be earned: a diagnosis of {@code NO_FAULT_FOUND} needs a login answer read whole
 * and accepted among its facts (the panel's {@code auth 1}, and no login exchange that ended
 * otherwise than with a whole answer), or, for a watch's history, a last check that was itself
 * diagnosed NO_FAULT_FOUND. Checked after every scenario, facts-level and end to end, and by a test
 * over every example facts file and every simulator scenario.
 */
public final class HealthEvidence {
  private final World world;

  public HealthEvidence(World world) {
    this.world = world;
  }

  /** Why this diagnosis breaks the rule, or empty when it keeps it. */
  public static Optional<String> violation(Diagnosis d) {
    if (!Diagnosis.NO_FAULT_FOUND.equals(d.category())) {
      return Optional.empty();
    }
    List<Fact> facts = d.facts();
    // a watch's history earns it by its last check, itself a diagnosis that found the login working
    boolean accepted =
        facts.stream()
                .anyMatch(
                    f -> f instanceof LoginAnswer a && a.outcome().equals(Outcome.PANEL_LOGIN_OK))
            || facts.stream()
                .anyMatch(
                    f ->
                        f instanceof CauseRun r
                            && r.atEnd()
                            && r.category().equals(Diagnosis.NO_FAULT_FOUND));
    List<HttpResponse> unread =
        facts.stream()
            .filter(
                f ->
                    f instanceof HttpResponse h
                        && h.purpose().equals("login")
                        && !h.outcome().equals(Outcome.HTTP_STATUS))
            .map(HttpResponse.class::cast)
            .toList();
    if (!accepted) {
      return Optional.of(
          "NO_FAULT_FOUND (" + d.causeIds() + ") without a login answer the panel accepted");
    }
    if (!unread.isEmpty()) {
      return Optional.of(
          "NO_FAULT_FOUND ("
              + d.causeIds()
              + ") although the login answer was not read whole: "
              + unread);
    }
    return Optional.empty();
  }

  /** The check after each scenario that evaluated something. */
  @After
  public void noFaultIsEarned() {
    if (world.hasDiagnosis()) {
      violation(world.diagnosis())
          .ifPresent(
              v -> {
                throw new AssertionError(v);
              });
    }
  }
}
