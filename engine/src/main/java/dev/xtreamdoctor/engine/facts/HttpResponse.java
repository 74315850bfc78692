package dev.xtreamdoctor.engine.facts;

import java.util.List;

/**
 * One HTTP exchange with the server, or the failure to get one.
 *
 * @param purpose {@code login} (the login as the app makes it: GET player_api.php with the
 *     credentials, to the address the app's path gives; after redirects, the last exchange), {@code
 *     redirect} (an earlier exchange of that login that answered with a redirect), {@code
 *     public_login} (the same login once more through a public resolver's address, only when the
 *     app's path failed before reaching the panel) or {@code block_check} (GET / without
 *     credentials at an address only the system resolver gave)
 * @param address the IP address the request went to
 * @param resolverRole which resolver gave that address: {@code system}, {@code public}, {@code
 *     literal}
 * @param outcome {@code http.status} (a status line and the whole body came back), {@code
 *     http.timed_out} (no headers before the deadline), {@code http.body_timed_out}, {@code
 *     http.reset}, {@code http.empty_reply} (closed without a response), {@code http.truncated}
 *     (the body ended before its length), {@code http.not_http} (bytes that are no HTTP answer),
 *     {@code http.header_too_long}, {@code http.too_many_headers}, {@code http.headers_too_large},
 *     {@code http.too_large} (body over the cap), {@code http.inflated_too_large} (a compressed
 *     body that expands past the cap), {@code http.redirect_loop}, {@code http.too_many_redirects},
 *     {@code http.redirect_refused}, {@code http.redirect_dead_end}, {@code http.error}
 * @param status the HTTP status code, 0 if none
 * @param contentType the Content-Type header, empty if none
 * @param bodyShape {@code json}, {@code html}, {@code empty}, {@code other}, or empty if no body
 * @param bodyBytes body bytes read (after decompression, up to the cap)
 * @param server the Server header, empty if none
 * @param cfRay the CF-RAY header (Cloudflare), empty if none
 * @param signals what the answer looks like: {@code xui_padded_404} (XUI's fake nginx 404: the
 *     panel's PHP ran), {@code block_page} (an ISP or court-order block page), {@code
 *     plain_http_to_tls_port} (nginx: "The plain HTTP request was sent to HTTPS port"), {@code
 *     web_server_default_page}, {@code cloudflare_error_page}, {@code user_info} (JSON with a
 *     user_info object)
 * @param location the Location header with credentials masked, empty if none
 * @param millis time to the headers (or to the failure)
 * @param url the URL requested, credentials masked
 * @param hop 0 for the URL the user typed, n for the n-th redirect followed
 * @param declaredLength the Content-Length header, 0 if none was sent
 * @param contentEncoding the Content-Encoding header (e.g. {@code gzip}), empty if none
 * @param detail a short, redacted description of a failure, empty if none
 */
public record HttpResponse(
    String purpose,
    String address,
    String resolverRole,
    String outcome,
    int status,
    String contentType,
    String bodyShape,
    long bodyBytes,
    String server,
    String cfRay,
    List<String> signals,
    String location,
    long millis,
    String url,
    int hop,
    long declaredLength,
    String contentEncoding,
    String detail)
    implements Fact {
  public HttpResponse {
    signals = List.copyOf(signals);
  }
}
