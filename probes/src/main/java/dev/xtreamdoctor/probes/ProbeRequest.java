package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import java.util.Optional;

/**
 * One diagnosis as asked for: the server field as typed, and the credentials if given separately
 * (else they are taken from a pasted URL).
 *
 * @param server the server URL or pasted link, as typed
 * @param username the username, or null to take it from the pasted link
 * @param password the password, or null to take it from the pasted link
 * @param symptoms what the user reported, if asked
 */
public record ProbeRequest(
    String server, String username, Secret password, Optional<ReportedSymptoms> symptoms) {

  /**
   * The longest server text, username or password taken, in characters (the CLI and the service
   * refuse longer ones with this number): real ones are far shorter, and a longer one is never sent
   * to a panel.
   */
  public static final int MAX_CHARS = 2048;

  /**
   * @throws IllegalArgumentException when the server text, username or password is longer than
   *     {@link #MAX_CHARS} (the message names which, never the value)
   */
  public ProbeRequest {
    symptoms = symptoms == null ? Optional.empty() : symptoms;
    tooLong("the server", server == null ? 0 : server.length());
    tooLong("the username", username == null ? 0 : username.length());
    tooLong("the password", password == null ? 0 : password.length());
  }

  private static void tooLong(String what, int length) {
    if (length > MAX_CHARS) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_CHARS + " characters");
    }
  }

  public static ProbeRequest of(String server, String username, Secret password) {
    return new ProbeRequest(server, username, password, Optional.empty());
  }

  /**
   * Scrubs this request's password from any text, typed or carried by a pasted link, in every
   * spelling the engine's {@link dev.xtreamdoctor.engine.Redactor} knows: for what a caller prints
   * or writes beside the diagnosis (a watch's history, a report, a log).
   */
  public dev.xtreamdoctor.engine.Redactor redactor() {
    java.util.List<String> secrets = new java.util.ArrayList<>();
    if (password != null) {
      secrets.add(password.reveal());
    }
    if (server != null) {
      try {
        ServerInputParser.parse(server).pastedPassword().ifPresent(p -> secrets.add(p.reveal()));
      } catch (BadServerInputException | RuntimeException e) {
        // no link to take a password from: the diagnosis will say what is wrong with the text
      }
    }
    return dev.xtreamdoctor.engine.Redactor.of(secrets);
  }

  @Override
  public String toString() {
    return "ProbeRequest[server=<as typed>, username=<given: "
        + (username != null)
        + ">, password="
        + (password == null ? "<none>" : password)
        + "]";
  }
}
