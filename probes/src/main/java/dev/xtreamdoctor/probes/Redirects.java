package dev.xtreamdoctor.probes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * How the app follows a redirect, after OkHttp's {@code RetryAndFollowUpInterceptor} (IPTV Smarters
 * uses OkHttp): 300, 301, 302, 303, 307 and 308 are followed, up to 20 times, across hosts and
 * between http and https; the next URL is the Location resolved against the current one, so its
 * query is the Location's own (the credentials travel on only if the Location carries them); a
 * missing Location, or one that is no http or https URL, ends the chain at that answer. Pure
 * functions: no I/O.
 */
final class Redirects {
  /** OkHttp's {@code MAX_FOLLOW_UPS}. */
  static final int MAX = 20;

  private Redirects() {}

  static boolean isRedirect(int status) {
    return status == 300
        || status == 301
        || status == 302
        || status == 303
        || status == 307
        || status == 308;
  }

  /** The URL the app requests next, or empty when it would stop at this answer. */
  static Optional<URI> next(URI current, String location) {
    if (location == null || location.isBlank()) {
      return Optional.empty();
    }
    String l = location.strip().replace('\\', '/');
    URI ref;
    try {
      ref = new URI(l);
    } catch (URISyntaxException e) {
      try {
        ref = new URI(l.replace(" ", "%20").replace("|", "%7C").replace("\"", "%22"));
      } catch (URISyntaxException again) {
        return Optional.empty();
      }
    }
    URI next;
    try {
      next = current.resolve(ref);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")
        || next.getHost() == null
        || next.getHost().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(next.normalize());
  }

  /** The port a URL names, or its scheme's default. */
  static int port(URI url) {
    return url.getPort() > 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /** The path and query to request, already encoded as in the URL. */
  static String pathAndQuery(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  /** The URL's host without IPv6 brackets, lower case. */
  static String host(URI url) {
    String h = url.getHost().toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }
}
