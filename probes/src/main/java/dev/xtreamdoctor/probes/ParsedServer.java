package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.ServerInput;
import java.util.Optional;

/**
 * The server field read: the {@link ServerInput} fact plus any credentials found in a pasted URL.
 *
 * @param input the fact for the rules
 * @param pastedUsername the username taken from a pasted URL, if any
 * @param pastedPassword the password taken from a pasted URL, if any
 */
public record ParsedServer(
    ServerInput input, Optional<String> pastedUsername, Optional<Secret> pastedPassword) {

  /** Whether there is a host and port to probe. */
  public boolean usable() {
    return Outcome.INPUT_OK.equals(input.outcome());
  }

  public String scheme() {
    return input.scheme();
  }

  public String host() {
    return input.host();
  }

  public int port() {
    return input.port();
  }

  public boolean https() {
    return "https".equals(input.scheme());
  }

  /** The host as written in a URL: IPv6 literals in brackets, a zone as {@code %25zone}. */
  public String urlHost() {
    return "ipv6".equals(input.hostKind())
        ? "[" + input.host().replace("%", "%25") + "]"
        : input.host();
  }

  /** One clear line for input that cannot be probed; safe to print. */
  public BadServerInputException problem() {
    return new BadServerInputException(
        Outcome.INPUT_HOST_MALFORMED.equals(input.outcome())
                || Outcome.INPUT_PORT_MALFORMED.equals(input.outcome())
            ? "The server address \"" + input.typed() + "\" has no valid host name or port."
            : "\""
                + input.typed()
                + "\" is not a server URL; expected something like http://host:port");
  }
}
