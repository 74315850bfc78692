package dev.xtreamdoctor.api;

import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.probes.ProbeRequest;
import dev.xtreamdoctor.probes.Secret;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One login to diagnose: the server as the user typed it, the username and password, and what the
 * user reported. The password is held as a {@link Secret}: it prints as a mask and never reaches a
 * fact, a log or an answer.
 */
public final class DiagnosisRequest {
  private final String server;
  private final String username;
  private final Secret password;
  private final Optional<ReportedSymptoms> symptoms;
  private final String language;

  private DiagnosisRequest(Builder b) {
    this.server = Objects.requireNonNull(b.server, "server");
    this.username = b.username;
    this.password = b.password;
    this.symptoms = Optional.ofNullable(b.symptoms);
    this.language = b.language;
  }

  /** A request for this server text (a base URL or a pasted playlist/API link). */
  public static Builder forServer(String server) {
    Builder b = new Builder();
    b.server = server;
    return b;
  }

  public String server() {
    return server;
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public Optional<ReportedSymptoms> symptoms() {
    return symptoms;
  }

  /**
   * The language the diagnosis's words should be in, as asked ({@code es}, {@code pt-BR}, {@code
   * es_ES.UTF-8}); empty for English.
   */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** The probes' form of this request. */
  ProbeRequest toProbeRequest() {
    return new ProbeRequest(server, username, password, symptoms);
  }

  @Override
  public String toString() {
    return "DiagnosisRequest[server=<as typed>, username=<given: "
        + (username != null)
        + ">, password="
        + (password == null ? "<none>" : password)
        + "]";
  }

  /** Builds a {@link DiagnosisRequest}; not thread-safe, the request it builds is. */
  public static final class Builder {
    private String server;
    private String username;
    private Secret password;
    private ReportedSymptoms symptoms;
    private String language;

    private Builder() {}

    /**
     * The language of the diagnosis's words: a tag ({@code es}, {@code pt-BR}) or a locale ({@code
     * es_ES.UTF-8}); see {@link XtreamDoctor#languages()}. English when not given.
     */
    public Builder language(String value) {
      this.language = value;
      return this;
    }

    /** The username; leave it out to take it from a pasted link. */
    public Builder username(String value) {
      this.username = value;
      return this;
    }

    /**
     * The password; leave it out to take it from a pasted link. The array is copied, so the caller
     * may clear it afterwards.
     */
    public Builder password(char[] value) {
      this.password = value == null ? null : Secret.of(new String(value));
      return this;
    }

    /** The password, already wrapped. */
    public Builder password(Secret value) {
      this.password = value;
      return this;
    }

    /** What the user reported: the app's message, device, what works elsewhere, the vantage. */
    public Builder symptoms(ReportedSymptoms value) {
      this.symptoms = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException when the server text, username or password is longer than
     *     {@link ProbeRequest#MAX_CHARS} characters
     */
    public DiagnosisRequest build() {
      DiagnosisRequest r = new DiagnosisRequest(this);
      r.toProbeRequest(); // checks the lengths now, not when the diagnosis starts
      return r;
    }
  }

  /** Clears a password array once it has been handed over (a convenience for callers). */
  public static void wipe(char[] password) {
    if (password != null) {
      Arrays.fill(password, '\0');
    }
  }
}
