package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Evidence;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.ServerInput;
import java.time.Instant;
import java.util.List;

/**
 * The result of one diagnosis: a value, rendered elsewhere (text, JSON, Markdown).
 *
 * @param schemaVersion the JSON schema version of this value
 * @param category exactly one of INVALID_DETAILS, LOGIN_FAILED, AUTHORIZATION_FAILED,
 *     CONNECTION_TIMEOUT, HOST_NOT_FOUND, NO_FAULT_FOUND (the login was seen to work), INCONCLUSIVE
 *     (no fault was seen, but neither was a working login: the check could not complete)
 * @param title the category's title
 * @param summary one line: the category and the deciding cause
 * @param causes the causes found in the primary category, deciding cause first
 * @param fixes what to do, in order, without repeats
 * @param evidence the observations behind the causes
 * @param findings every finding, with its words, including warnings and unchecked parts
 * @param facts the facts the rules saw (they never hold the password)
 * @param rulesFired the names of the rules that fired, in firing order
 * @param rulesVersion the fingerprint of the rule set used
 * @param checkedAt when the facts were observed (or, for facts given, judged)
 * @param target what was checked: the server (credentials masked) and the username, never the
 *     password
 * @param words the report's own words, from the catalogue in use
 * @param evidenceKeys the evidence as its catalogue keys and observed values, one per line of
 *     {@code evidence}, in the same order
 */
public record Diagnosis(
    int schemaVersion,
    String category,
    String title,
    String summary,
    List<Cause> causes,
    List<String> fixes,
    List<String> evidence,
    List<FindingView> findings,
    List<Fact> facts,
    List<String> rulesFired,
    String rulesVersion,
    Instant checkedAt,
    Target target,
    ReportWords words,
    List<Evidence> evidenceKeys) {

  public static final int SCHEMA_VERSION = 1;
  public static final String NO_FAULT_FOUND = "NO_FAULT_FOUND";
  public static final String INCONCLUSIVE = "INCONCLUSIVE";

  public Diagnosis {
    causes = List.copyOf(causes);
    fixes = List.copyOf(fixes);
    evidence = List.copyOf(evidence);
    findings = List.copyOf(findings);
    facts = List.copyOf(facts);
    rulesFired = List.copyOf(rulesFired);
    target = target != null ? target : Target.of(facts, "");
    words = words != null ? words : ReportWords.bundled();
    evidenceKeys = evidenceKeys != null ? List.copyOf(evidenceKeys) : List.of();
  }

  /** A diagnosis whose evidence has no keys (written as plain sentences). */
  public Diagnosis(
      int schemaVersion,
      String category,
      String title,
      String summary,
      List<Cause> causes,
      List<String> fixes,
      List<String> evidence,
      List<FindingView> findings,
      List<Fact> facts,
      List<String> rulesFired,
      String rulesVersion,
      Instant checkedAt,
      Target target,
      ReportWords words) {
    this(
        schemaVersion,
        category,
        title,
        summary,
        causes,
        fixes,
        evidence,
        findings,
        facts,
        rulesFired,
        rulesVersion,
        checkedAt,
        target,
        words,
        List.of());
  }

  /** A diagnosis judged now, of the server its facts name, in the bundled words. */
  public Diagnosis(
      int schemaVersion,
      String category,
      String title,
      String summary,
      List<Cause> causes,
      List<String> fixes,
      List<String> evidence,
      List<FindingView> findings,
      List<Fact> facts,
      List<String> rulesFired,
      String rulesVersion) {
    this(
        schemaVersion,
        category,
        title,
        summary,
        causes,
        fixes,
        evidence,
        findings,
        facts,
        rulesFired,
        rulesVersion,
        Instant.now(),
        null,
        null,
        List.of());
  }

  /** This diagnosis, of a line checked at {@code when} with this username (never the password). */
  public Diagnosis checked(Instant when, String username) {
    return new Diagnosis(
        schemaVersion,
        category,
        title,
        summary,
        causes,
        fixes,
        evidence,
        findings,
        facts,
        rulesFired,
        rulesVersion,
        when,
        Target.of(facts, username == null ? "" : username),
        words,
        evidenceKeys);
  }

  /**
   * What was checked.
   *
   * @param server the server as the app would use it (its base URL, credentials masked), or as
   *     typed when it could not be read; empty when no server was given
   * @param username the username, or empty when not known (facts given without one)
   */
  public record Target(String server, String username) {
    static Target of(List<Fact> facts, String username) {
      String server =
          facts.stream()
              .filter(ServerInput.class::isInstance)
              .map(ServerInput.class::cast)
              .map(i -> i.baseUrl().isEmpty() ? i.typed() : i.baseUrl())
              .findFirst()
              .orElse("");
      return new Target(Redactor.maskUrl(server), username);
    }
  }

  /** Whether a fault was diagnosed (any category but NO_FAULT_FOUND and INCONCLUSIVE). */
  public boolean faultFound() {
    return !NO_FAULT_FOUND.equals(category) && !INCONCLUSIVE.equals(category);
  }

  /** Whether the check could not complete: no fault seen, and no working login either. */
  public boolean inconclusive() {
    return INCONCLUSIVE.equals(category);
  }

  /** The ids of the causes, deciding cause first. */
  public List<String> causeIds() {
    return causes.stream().map(Cause::id).toList();
  }

  /**
   * One cause.
   *
   * @param id the stable cause id
   * @param text what is wrong, in plain words
   */
  public record Cause(String id, String text) {}

  /**
   * A finding with its words filled in from the catalogue.
   *
   * @param category its category
   * @param causeId its cause id
   * @param severity error, warning, info or unchecked
   * @param layer one of {@link dev.xtreamdoctor.engine.facts.Vocabulary#LAYERS}
   * @param title what is wrong
   * @param impact what it breaks
   * @param fixes what to do, in order
   * @param evidence what was observed
   * @param evidenceKeys the same, as catalogue keys and observed values, in the same order
   */
  public record FindingView(
      String category,
      String causeId,
      String severity,
      String layer,
      String title,
      String impact,
      List<String> fixes,
      List<String> evidence,
      List<Evidence> evidenceKeys) {
    public FindingView {
      fixes = List.copyOf(fixes);
      evidence = List.copyOf(evidence);
      evidenceKeys = evidenceKeys != null ? List.copyOf(evidenceKeys) : List.of();
    }

    /** A finding whose evidence has no keys (written as plain sentences). */
    public FindingView(
        String category,
        String causeId,
        String severity,
        String layer,
        String title,
        String impact,
        List<String> fixes,
        List<String> evidence) {
      this(category, causeId, severity, layer, title, impact, fixes, evidence, List.of());
    }
  }
}
