package dev.xtreamdoctor.probes;

import java.util.Objects;

/**
 * The password as entered. It prints as a mask and leaves this package only inside the login
 * request, so no fact, message or log can carry it by accident.
 */
public final class Secret {
  private static final String MASK = "*****";
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The value itself: only for building the login request and for redaction. */
  String reveal() {
    return value;
  }

  /** The same secret without surrounding white space (the {@code trimmed} login variant). */
  Secret trimmed() {
    return new Secret(value.strip());
  }

  public boolean isBlank() {
    return value.isBlank();
  }

  public int length() {
    return value.length();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return MASK;
  }
}
