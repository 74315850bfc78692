package dev.xtreamdoctor.simulator;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a simulated server read it off the socket. Holds the password (it is part of
 * the query): never log or print it; {@link RecordedRequest} is the safe view.
 *
 * @param method the request method, e.g. {@code GET}
 * @param target the raw request target, path and query
 * @param path the decoded path without the query
 * @param params query (and form body) parameters, decoded; the first value of each name wins
 * @param headers header names in lower case, the first value of each name wins
 * @param source the client address
 * @param time when the request line arrived
 */
public record Request(
    String method,
    String target,
    String path,
    Map<String, String> params,
    Map<String, String> headers,
    InetSocketAddress source,
    Instant time) {
  public Request {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A parameter, or empty when absent. */
  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** A header by case-insensitive name, or empty when absent. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The User-Agent header, or the empty string when there was none. */
  public String userAgent() {
    return header("user-agent").orElse("");
  }

  public boolean isHead() {
    return "HEAD".equals(method);
  }

  /** Never prints the parameter values or the target: they carry the password. */
  @Override
  public String toString() {
    return "Request["
        + method
        + " "
        + path
        + " params="
        + params.keySet()
        + " from "
        + source.getAddress().getHostAddress()
        + "]";
  }

  /** Parses {@code a=1&b=2} into the map, keeping the first value of each name. */
  static void parseQuery(String query, Map<String, String> into) {
    if (query == null || query.isEmpty()) {
      return;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      into.putIfAbsent(name, value);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray % is kept verbatim, as PHP would mostly do
    }
  }
}
