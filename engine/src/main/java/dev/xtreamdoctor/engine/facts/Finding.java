package dev.xtreamdoctor.engine.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conclusion a rule draws: which category and cause, how sure, and on what evidence.
 *
 * <p>Only rules create findings. The words a user reads (title, impact, fixes) live in {@code
 * rules/catalogue.properties} under the cause id; {@code params} fill its {@code {placeholders}}.
 * Findings are immutable: {@link #because} and {@link #with} return a new finding, so a rule reads
 * {@code insert(Finding.error("LOGIN_FAILED", "FLOOD_BAN", "http").because("evidence.KEY", "name",
 * value).with("k", v))}.
 *
 * @param category one of the categories ({@link Vocabulary#CATEGORIES}): a fault category, {@code
 *     NO_FAULT_FOUND}, or {@code INCONCLUSIVE} (what the tool could not check)
 * @param causeId the stable cause id, a key of the catalogue
 * @param severity {@code error} (a fault), {@code warning} (works, but watch out), {@code info}
 *     (advice), or {@code unchecked} (the tool could not check something)
 * @param layer where the fault shows: {@code input}, {@code dns}, {@code tcp}, {@code tls}, {@code
 *     http}, {@code login}, {@code account}, {@code symptoms}
 * @param evidence the observations behind it: catalogue keys and the values seen ({@link
 *     Evidence}), said in the user's language when the diagnosis is written
 * @param params values for the catalogue's placeholders
 */
public record Finding(
    String category,
    String causeId,
    String severity,
    String layer,
    List<Evidence> evidence,
    Map<String, String> params) {

  public Finding {
    evidence = List.copyOf(evidence);
    params = Map.copyOf(params);
  }

  public static Finding error(String category, String causeId, String layer) {
    return new Finding(category, causeId, Vocabulary.ERROR, layer, List.of(), Map.of());
  }

  public static Finding warning(String category, String causeId, String layer) {
    return new Finding(category, causeId, Vocabulary.WARNING, layer, List.of(), Map.of());
  }

  public static Finding info(String category, String causeId, String layer) {
    return new Finding(category, causeId, Vocabulary.INFO, layer, List.of(), Map.of());
  }

  public static Finding unchecked(String causeId, String layer) {
    return new Finding(
        Vocabulary.INCONCLUSIVE, causeId, Vocabulary.UNCHECKED, layer, List.of(), Map.of());
  }

  /**
   * This finding with one more piece of evidence: a catalogue key ({@code evidence.*}) and its
   * values as name, value pairs, {@code because("evidence.login.accepted", "status", "Active")}. A
   * sentence with no key is kept as written, in that one language ({@link Evidence#of}).
   */
  public Finding because(String key, Object... nameValues) {
    return because(Evidence.of(key, nameValues));
  }

  /** This finding with one more piece of evidence, made by a rule function. */
  public Finding because(Evidence observation) {
    List<Evidence> more = new ArrayList<>(evidence);
    more.add(observation);
    return new Finding(category, causeId, severity, layer, more, params);
  }

  /** This finding with a value for a catalogue placeholder. */
  public Finding with(String name, Object value) {
    Map<String, String> more = new LinkedHashMap<>(params);
    more.put(name, String.valueOf(value));
    return new Finding(category, causeId, severity, layer, evidence, more);
  }

  public boolean isError() {
    return Vocabulary.ERROR.equals(severity);
  }

  /**
   * Whether this finding decides before {@code other} ({@link Vocabulary#decidesBefore}): the
   * ranking rules use it to settle two errors on one layer by a documented order.
   */
  public boolean decidesBefore(Finding other) {
    return Vocabulary.decidesBefore(this, other);
  }
}
