package dev.xtreamdoctor.engine.facts;

/**
 * A derived condition: the middle layer between raw observations and findings, inserted logically
 * so it goes away when its observations do.
 *
 * @param name the condition, e.g. {@code login_refused}, {@code dns_tampered} (the list is in
 *     rules/FACTS.md)
 * @param detail a short description of what matched, for the evidence
 */
public record Condition(String name, String detail) {
  public static Condition of(String name) {
    return new Condition(name, "");
  }
}
