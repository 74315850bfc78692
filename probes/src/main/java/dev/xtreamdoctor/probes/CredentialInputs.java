package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.CredentialInput;

/** What a credential looks like as entered (blank, spaces, letter case), never its value. */
public final class CredentialInputs {
  private CredentialInputs() {}

  /** The properties of one credential as entered: never its value. */
  public static CredentialInput describe(String field, String value, boolean fromPastedUrl) {
    String v = value == null ? "" : value;
    boolean upper = v.chars().anyMatch(Character::isUpperCase);
    boolean lower = v.chars().anyMatch(Character::isLowerCase);
    return new CredentialInput(
        field,
        v.isBlank(),
        !v.isEmpty() && !v.strip().equals(v),
        upper && lower,
        v.length(),
        v.chars().anyMatch(c -> c > 0x7e),
        fromPastedUrl,
        caseShape(v.strip()));
  }

  /** How the letters of a credential are cased; described, not judged (the rules decide). */
  static String caseShape(String v) {
    int[] letters = v.codePoints().filter(Character::isLetter).toArray();
    boolean upper = java.util.Arrays.stream(letters).anyMatch(Character::isUpperCase);
    boolean lower = java.util.Arrays.stream(letters).anyMatch(Character::isLowerCase);
    if (!upper && !lower) {
      return "none";
    }
    if (!upper) {
      return "lower";
    }
    if (!lower) {
      return "upper";
    }
    boolean firstUpper =
        letters.length > 0 && Character.isUpperCase(letters[0]) && v.codePointAt(0) == letters[0];
    boolean restLower = java.util.Arrays.stream(letters).skip(1).noneMatch(Character::isUpperCase);
    return firstUpper && restLower ? "capitalised" : "mixed";
  }
}
