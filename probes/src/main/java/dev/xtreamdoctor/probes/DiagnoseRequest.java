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
public record DiagnoseRequest(
    String server, String username, Secret password, Optional<ReportedSymptoms> symptoms) {

  public DiagnoseRequest {
    symptoms = symptoms == null ? Optional.empty() : symptoms;
  }

  public static DiagnoseRequest of(String server, String username, Secret password) {
    return new DiagnoseRequest(server, username, password, Optional.empty());
  }

  @Override
  public String toString() {
    return "DiagnoseRequest[server=<as typed>, username=<given: " + (username != null)
        + ">, password=" + (password == null ? "<none>" : password) + "]";
  }
}
