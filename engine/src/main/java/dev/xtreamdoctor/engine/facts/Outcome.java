package dev.xtreamdoctor.engine.facts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one closed vocabulary of outcome codes, in dotted form ({@code layer.what}), after the W3C
 * Network Error Logging types. Rule authors match on these strings; {@code rules/FACTS.md}
 * documents each one.
 */
public final class Outcome {
  private Outcome() {}

  public static final String INPUT_OK = "input.ok";
  public static final String INPUT_HOST_MALFORMED = "input.host_malformed";
  public static final String INPUT_NOT_A_URL = "input.not_a_url";
  public static final String INPUT_PORT_MALFORMED = "input.port_malformed";

  public static final String DNS_ANSWERED = "dns.answered";
  public static final String DNS_NO_DATA = "dns.no_data";
  public static final String DNS_NAME_NOT_RESOLVED = "dns.name_not_resolved";
  public static final String DNS_FAILED = "dns.failed";
  public static final String DNS_REFUSED = "dns.refused";
  public static final String DNS_TIMED_OUT = "dns.timed_out";
  public static final String DNS_ERROR = "dns.error";

  public static final String TCP_CONNECTED = "tcp.connected";
  public static final String TCP_REFUSED = "tcp.refused";
  public static final String TCP_TIMED_OUT = "tcp.timed_out";
  public static final String TCP_UNREACHABLE = "tcp.unreachable";
  public static final String TCP_RESET = "tcp.reset";
  public static final String TCP_ERROR = "tcp.error";
  public static final String TCP_SKIPPED = "tcp.skipped";

  public static final String TLS_OK = "tls.ok";
  public static final String TLS_CERT_EXPIRED = "tls.cert.expired";
  public static final String TLS_CERT_UNTRUSTED = "tls.cert.untrusted";
  public static final String TLS_CERT_NAME_MISMATCH = "tls.cert.name_mismatch";
  public static final String TLS_PROTOCOL_MISMATCH = "tls.protocol_mismatch";
  public static final String TLS_TIMED_OUT = "tls.timed_out";
  public static final String TLS_FAILED = "tls.failed";

  public static final String HTTP_STATUS = "http.status";
  public static final String HTTP_TIMED_OUT = "http.timed_out";
  public static final String HTTP_BODY_TIMED_OUT = "http.body_timed_out";
  public static final String HTTP_RESET = "http.reset";
  public static final String HTTP_EMPTY_REPLY = "http.empty_reply";
  public static final String HTTP_TOO_LARGE = "http.too_large";
  public static final String HTTP_TRUNCATED = "http.truncated";
  public static final String HTTP_NOT_HTTP = "http.not_http";
  public static final String HTTP_HEADER_TOO_LONG = "http.header_too_long";
  public static final String HTTP_TOO_MANY_HEADERS = "http.too_many_headers";
  public static final String HTTP_HEADERS_TOO_LARGE = "http.headers_too_large";
  public static final String HTTP_INFLATED_TOO_LARGE = "http.inflated_too_large";
  public static final String HTTP_REDIRECT_LOOP = "http.redirect_loop";
  public static final String HTTP_TOO_MANY_REDIRECTS = "http.too_many_redirects";
  public static final String HTTP_REDIRECT_REFUSED = "http.redirect_refused";
  public static final String HTTP_REDIRECT_DEAD_END = "http.redirect_dead_end";
  public static final String HTTP_ERROR = "http.error";

  public static final String PANEL_LOGIN_OK = "panel.login_ok";
  public static final String PANEL_AUTH_REJECTED = "panel.auth_rejected";
  public static final String PANEL_ANSWER_UNEXPECTED = "panel.answer_unexpected";
  public static final String PANEL_ANSWER_MALFORMED = "panel.answer_malformed";

  /** The outcome codes each fact type may carry, by fact type name. */
  public static final Map<String, Set<String>> BY_FACT =
      Map.of(
          "ServerInput",
              Set.of(INPUT_OK, INPUT_HOST_MALFORMED, INPUT_PORT_MALFORMED, INPUT_NOT_A_URL),
          "DnsAnswer",
              Set.of(
                  DNS_ANSWERED,
                  DNS_NO_DATA,
                  DNS_NAME_NOT_RESOLVED,
                  DNS_FAILED,
                  DNS_REFUSED,
                  DNS_TIMED_OUT,
                  DNS_ERROR),
          "TcpConnect",
              Set.of(
                  TCP_CONNECTED,
                  TCP_REFUSED,
                  TCP_TIMED_OUT,
                  TCP_UNREACHABLE,
                  TCP_RESET,
                  TCP_ERROR,
                  TCP_SKIPPED),
          "TlsHandshake",
              Set.of(
                  TLS_OK,
                  TLS_CERT_EXPIRED,
                  TLS_CERT_UNTRUSTED,
                  TLS_CERT_NAME_MISMATCH,
                  TLS_PROTOCOL_MISMATCH,
                  TLS_TIMED_OUT,
                  TLS_FAILED),
          "HttpResponse",
              Set.of(
                  HTTP_STATUS,
                  HTTP_TIMED_OUT,
                  HTTP_BODY_TIMED_OUT,
                  HTTP_RESET,
                  HTTP_EMPTY_REPLY,
                  HTTP_TOO_LARGE,
                  HTTP_TRUNCATED,
                  HTTP_NOT_HTTP,
                  HTTP_HEADER_TOO_LONG,
                  HTTP_TOO_MANY_HEADERS,
                  HTTP_HEADERS_TOO_LARGE,
                  HTTP_INFLATED_TOO_LARGE,
                  HTTP_REDIRECT_LOOP,
                  HTTP_TOO_MANY_REDIRECTS,
                  HTTP_REDIRECT_REFUSED,
                  HTTP_REDIRECT_DEAD_END,
                  HTTP_ERROR),
          "LoginAnswer",
              Set.of(
                  PANEL_LOGIN_OK,
                  PANEL_AUTH_REJECTED,
                  PANEL_ANSWER_UNEXPECTED,
                  PANEL_ANSWER_MALFORMED));

  /** Every outcome code, sorted alphabetically (which also groups them by layer prefix). */
  public static final List<String> ALL =
      BY_FACT.values().stream().flatMap(Set::stream).sorted().toList();
}
