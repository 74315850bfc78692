package dev.xtreamdoctor.simulator;

/** A line's status as the panels write it in {@code user_info.status}. */
public enum LineStatus {
  ACTIVE("Active"),
  EXPIRED("Expired"),
  BANNED("Banned"),
  DISABLED("Disabled");

  private final String text;

  LineStatus(String text) {
    this.text = text;
  }

  /** The word in the JSON, e.g. {@code Expired}. */
  public String text() {
    return text;
  }

  /** Parses {@code expired} / {@code Expired} / {@code EXPIRED}. */
  public static LineStatus parse(String word) {
    for (LineStatus s : values()) {
      if (s.text.equalsIgnoreCase(word.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown line status '" + word + "' (use Active, Expired, Banned or Disabled)");
  }
}
