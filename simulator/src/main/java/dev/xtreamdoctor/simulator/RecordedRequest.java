package dev.xtreamdoctor.simulator;

import java.time.Instant;
import java.util.List;

/**
 * What a server saw of one request, safe to print: never the password.
 *
 * @param time when the request arrived
 * @param server a short name of the server that saw it
 * @param method the request method
 * @param path the path, with credentials in path forms ({@code /live/U/P/1.ts}) masked
 * @param paramNames the query parameter names, in order (values are not kept)
 * @param action the {@code action} parameter, or empty
 * @param username the {@code username} parameter, or empty
 * @param userAgent the User-Agent header, or empty when none was sent
 * @param host the Host header, or empty when none was sent
 * @param sourceAddress the client IP address
 * @param sourcePort the client port (a new one means a new connection)
 */
public record RecordedRequest(
    Instant time,
    String server,
    String method,
    String path,
    List<String> paramNames,
    String action,
    String username,
    String userAgent,
    String host,
    String sourceAddress,
    int sourcePort) {
  public RecordedRequest {
    paramNames = List.copyOf(paramNames);
  }

  /** Whether the request carried a password parameter (its value is not kept). */
  public boolean hadPassword() {
    return paramNames.contains("password");
  }
}
