package dev.xtreamdoctor.engine.facts;

/**
 * Properties of one credential as entered: never its value.
 *
 * @param field {@code username} or {@code password}
 * @param blank empty or only white space
 * @param outerSpaces leading or trailing white space
 * @param mixedCase both upper- and lower-case letters
 * @param length number of characters as entered
 * @param nonAscii contains characters outside ASCII (look-alikes, smart quotes)
 * @param fromPastedUrl taken from a pasted URL rather than typed separately
 * @param caseShape how its letters are cased: {@code lower}, {@code upper} (all capitals), {@code
 *     capitalised} (a capital first letter, the others lower case), {@code mixed} (any other mix),
 *     {@code none} (no letters), or "" when not known
 */
public record CredentialInput(
    String field,
    boolean blank,
    boolean outerSpaces,
    boolean mixedCase,
    int length,
    boolean nonAscii,
    boolean fromPastedUrl,
    String caseShape)
    implements Fact {}
