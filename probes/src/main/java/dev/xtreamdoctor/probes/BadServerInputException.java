package dev.xtreamdoctor.probes;

/**
 * What the user typed as the server cannot be a server URL at all. The message is one line, safe to
 * print as is: it never contains the password.
 */
public final class BadServerInputException extends Exception {
  public BadServerInputException(String message) {
    super(message);
  }
}
