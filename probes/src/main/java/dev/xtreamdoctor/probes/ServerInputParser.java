package dev.xtreamdoctor.probes;

import static dev.xtreamdoctor.probes.UrlText.firstOf;
import static dev.xtreamdoctor.probes.UrlText.percentDecode;
import static dev.xtreamdoctor.probes.UrlText.queryDecode;
import static dev.xtreamdoctor.probes.UrlText.rawQuery;

import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.ServerInput;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what users type or paste into an app's server field (reference xtream-api.md §5): bare
 * hosts, base URLs, playlist, API, portal and stream links. It finds the base URL and any
 * credentials inside, and describes the credentials by their properties only. It does no I/O.
 */
public final class ServerInputParser {
  static final int MAX_INPUT_LENGTH = 2048;

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Pattern DOUBLED_SCHEME =
      Pattern.compile("^(?i)(?:https?:/{0,2})+(https?://)");

  /**
   * "http:/host", "http//host", "http:\\host", "http;//host", "htp://host", "htttps://host": http
   * or https with a letter, the colon or a slash missing or doubled: one slip, not two ("htp:/x"
   * stays refused; "http:///x" stays a URL without a host).
   */
  private static final Pattern MISTYPED_SCHEME =
      Pattern.compile("^(?i)(h{1,2}t{1,3}p{1,2}(s?))(://(?!/)|:/(?!/)|//|:\\\\{1,2}|;/{1,2})");

  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
  private static final Pattern ALL_NUMERIC_LABELS = Pattern.compile("^[\\d.]+$");
  private static final Pattern HEX_COLON = Pattern.compile("^[0-9A-Fa-f:.]+$");
  private static final Pattern ZONE = Pattern.compile("^[A-Za-z0-9._~-]{1,32}$");
  private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
  private static final Pattern STREAM_FILE = Pattern.compile("^\\d+(\\.[A-Za-z0-9]{1,5})?$");
  private static final String TRAILING_PUNCTUATION = ".,;:!?)]}>\"'";

  private ServerInputParser() {}

  /**
   * Parses the server field.
   *
   * @throws BadServerInputException when the text cannot be a server URL at all (empty, too long,
   *     control characters, another scheme than http or https)
   */
  public static ParsedServer parse(String text) throws BadServerInputException {
    if (text == null || text.isBlank()) {
      throw new BadServerInputException(
          "The server URL is empty; expected something like http://host:port");
    }
    if (text.length() > MAX_INPUT_LENGTH) {
      throw new BadServerInputException(
          "The server URL is " + text.length() + " characters long; a server URL is far shorter.");
    }
    for (char c : text.toCharArray()) {
      if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
        throw new BadServerInputException("The server URL contains control characters.");
      }
    }
    return new Reading(text).read();
  }

  /** One pass over one input: collects cleanups and credentials on the way. */
  private static final class Reading {
    private final String original;
    private final List<String> cleanups = new ArrayList<>();
    private final List<String> rawPasswords = new ArrayList<>();
    private String username;
    private String password;
    private String scheme = "http";
    private boolean schemeGiven;
    private String host = "";
    private int port;
    private boolean portGiven;
    private String hostKind = "invalid";
    private String pastedForm = "plain";

    Reading(String original) {
      this.original = original;
    }

    ParsedServer read() throws BadServerInputException {
      String s = original.strip();
      if (!s.equals(original)) {
        cleanups.add("trimmed_spaces");
      }
      Matcher doubled = DOUBLED_SCHEME.matcher(s);
      if (doubled.find() && doubled.start(1) > 0) {
        cleanups.add("doubled_scheme");
        s = s.substring(doubled.start(1));
      }
      Matcher mistyped = MISTYPED_SCHEME.matcher(s);
      // one slip (in the word or in the separator) is read as meant; two ("htp:/x") are a guess
      if (mistyped.find()
          && mistyped.group(1).matches("(?i)https?") != mistyped.group(3).equals("://")) {
        cleanups.add("mistyped_scheme");
        s = (mistyped.group(2).isEmpty() ? "http://" : "https://") + s.substring(mistyped.end());
      }
      int sep = s.indexOf("://");
      Matcher sm = SCHEME.matcher(s);
      if (sep > 0 && sm.find() && sm.end() == sep + 1) {
        String given = s.substring(0, sep);
        if (!given.equalsIgnoreCase("http") && !given.equalsIgnoreCase("https")) {
          throw new BadServerInputException(
              "The server URL starts with \""
                  + given
                  + "://\"; an Xtream server uses http:// or https://");
        }
        if (!given.equals(given.toLowerCase(Locale.ROOT))) {
          cleanups.add("upper_case");
        }
        scheme = given.toLowerCase(Locale.ROOT);
        schemeGiven = true;
        s = s.substring(sep + 3);
      } else if (sm.find(0) && isForeignScheme(s, sm)) {
        throw new BadServerInputException(
            "The server URL starts with \""
                + sm.group(1)
                + ":\"; an Xtream server uses http:// or https://");
      }
      int end = firstOf(s, "/?#");
      String authority = s.substring(0, end);
      String rest = s.substring(end);
      // "host :8080", "host: 8080", "http:// host": the app keeps the space and cannot read the
      // host; a space inside a name ("my server") is no slip to guess about
      String unspaced = authority.replaceAll("\\s*:\\s*", ":").stripLeading();
      if (!unspaced.equals(authority)) {
        cleanups.add("inner_spaces");
        authority = unspaced;
      }
      if (rest.isEmpty() || rest.equals("/")) {
        authority = stripTrailingPunctuation(authority);
      }
      if (rest.equals("/")) {
        cleanups.add("trailing_slash");
      }
      String outcome = readAuthority(authority);
      if (outcome.equals(Outcome.INPUT_OK)) {
        readPath(rest);
      }
      if (outcome.equals(Outcome.INPUT_OK) && !portGiven) {
        port = scheme.equals("https") ? 443 : 80;
      }
      String typed = maskCredentials(original.strip());
      String baseUrl = outcome.equals(Outcome.INPUT_OK) ? baseUrl() : "";
      ServerInput input =
          new ServerInput(
              typed,
              outcome,
              scheme,
              host,
              port,
              schemeGiven,
              portGiven,
              outcome.equals(Outcome.INPUT_OK) ? hostKind : "invalid",
              pastedForm,
              baseUrl,
              cleanups);
      return new ParsedServer(
          input, Optional.ofNullable(username), Optional.ofNullable(password).map(Secret::of));
    }

    /** "mailto:x", "ftp:x" but not "host:8080" or "host.example:8080". */
    private static boolean isForeignScheme(String s, Matcher sm) {
      String name = sm.group(1);
      String after = s.substring(sm.end());
      return !name.contains(".")
          && !after.isEmpty()
          && !Character.isDigit(after.charAt(0))
          && !name.equalsIgnoreCase("localhost");
    }

    private String readAuthority(String authority) {
      String hostPort = authority;
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        pastedForm = "userinfo";
        String userInfo = authority.substring(0, at);
        hostPort = authority.substring(at + 1);
        int colon = userInfo.indexOf(':');
        String rawUser = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
        takeUsername(rawUser, percentDecode(rawUser));
        if (colon >= 0) {
          String rawPass = userInfo.substring(colon + 1);
          takePassword(rawPass, percentDecode(rawPass));
        }
      }
      if (hostPort.isEmpty()) {
        return Outcome.INPUT_NOT_A_URL;
      }
      String hostText;
      String portText = null;
      if (hostPort.startsWith("[")) {
        int close = hostPort.indexOf(']');
        if (close < 0) {
          return Outcome.INPUT_HOST_MALFORMED;
        }
        hostText = hostPort.substring(1, close);
        String after = hostPort.substring(close + 1);
        if (after.startsWith(":")) {
          portText = after.substring(1);
        } else if (!after.isEmpty()) {
          return Outcome.INPUT_HOST_MALFORMED;
        }
        hostKind = "ipv6";
      } else if (hostPort.indexOf(':') != hostPort.lastIndexOf(':')) {
        hostText = hostPort; // an IPv6 literal without brackets, so without a port
        hostKind = "ipv6";
      } else {
        int colon = hostPort.indexOf(':');
        hostText = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        portText = colon >= 0 ? hostPort.substring(colon + 1) : null;
      }
      if (!hostText.equals(hostText.toLowerCase(Locale.ROOT))) {
        cleanups.add("upper_case");
      }
      host = hostText;
      String hostOutcome = readHost(hostText);
      if (!hostOutcome.equals(Outcome.INPUT_OK) || portText == null) {
        return hostOutcome;
      }
      // the host is fine, the port is not: "8O8O", "80800", "8080a" (a typo in the port)
      if (!portText.matches("\\d{1,5}")
          || Integer.parseInt(portText) < 1
          || Integer.parseInt(portText) > 65535) {
        return Outcome.INPUT_PORT_MALFORMED;
      }
      port = Integer.parseInt(portText);
      portGiven = true;
      return hostOutcome;
    }

    private String readHost(String hostText) {
      if (hostText.isEmpty()) {
        return Outcome.INPUT_NOT_A_URL;
      }
      if (hostKind.equals("ipv6")) {
        return readIpv6(hostText);
      }
      String name =
          hostText.endsWith(".") ? hostText.substring(0, hostText.length() - 1) : hostText;
      if (IPV4.matcher(name).matches()) {
        String[] octets = name.split("\\.");
        StringBuilder canonical = new StringBuilder();
        for (String octet : octets) {
          int value = Integer.parseInt(octet);
          if (value > 255) {
            return Outcome.INPUT_HOST_MALFORMED;
          }
          canonical.append(canonical.length() == 0 ? "" : ".").append(value);
        }
        if (!canonical.toString().equals(name)) {
          // "010" is 8 to some software and 10 to other: the app may not read it as typed
          cleanups.add("leading_zeros");
        }
        hostKind = "ipv4";
        host = canonical.toString();
        return Outcome.INPUT_OK;
      }
      if (ALL_NUMERIC_LABELS.matcher(name).matches()) {
        return Outcome.INPUT_HOST_MALFORMED;
      }
      String ascii;
      try {
        ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return Outcome.INPUT_HOST_MALFORMED;
      }
      if (ascii.isEmpty() || ascii.length() > 253) {
        return Outcome.INPUT_HOST_MALFORMED;
      }
      for (String label : ascii.split("\\.", -1)) {
        if (!LABEL.matcher(label).matches()) {
          return Outcome.INPUT_HOST_MALFORMED;
        }
      }
      hostKind = "name";
      host = ascii;
      return Outcome.INPUT_OK;
    }

    /**
     * An IPv6 literal, with a zone if one is given ({@code fe80::1%eth0}, or {@code %25eth0} as RFC
     * 6874 writes it in a URL). An IPv4-mapped address ({@code ::ffff:1.2.3.4}) is that IPv4
     * address, as OkHttp reads it too.
     */
    private String readIpv6(String hostText) {
      String text = hostText.replace("%25", "%");
      int percent = text.indexOf('%');
      String literal = percent < 0 ? text : text.substring(0, percent);
      String zone = percent < 0 ? "" : text.substring(percent + 1);
      if (!HEX_COLON.matcher(literal).matches() || percent >= 0 && !ZONE.matcher(zone).matches()) {
        return Outcome.INPUT_HOST_MALFORMED;
      }
      try {
        // hex digits, colons and dots only: InetAddress parses it without any lookup
        InetAddress a = InetAddress.getByName(literal);
        if (a instanceof Inet4Address) {
          hostKind = "ipv4";
          host = a.getHostAddress();
          return Outcome.INPUT_OK;
        }
        host = a.getHostAddress() + (zone.isEmpty() ? "" : "%" + zone);
        return Outcome.INPUT_OK;
      } catch (UnknownHostException e) {
        return Outcome.INPUT_HOST_MALFORMED;
      }
    }

    private void readPath(String rest) {
      int q = rest.indexOf('?');
      int hash = rest.indexOf('#');
      String path = rest.substring(0, q >= 0 ? q : hash >= 0 ? hash : rest.length());
      String query = q >= 0 ? rest.substring(q + 1, hash > q ? hash : rest.length()) : "";
      List<String> segments = new ArrayList<>();
      for (String seg : path.split("/")) {
        if (!seg.isEmpty()) {
          segments.add(seg);
        }
      }
      if (segments.isEmpty()) {
        return;
      }
      String first = segments.get(0).toLowerCase(Locale.ROOT);
      String last = segments.get(segments.size() - 1).toLowerCase(Locale.ROOT);
      Map<String, String> rawQuery = rawQuery(query);
      switch (first) {
        case "get.php" -> fromQuery("get_php", rawQuery);
        case "player_api.php" -> fromQuery("player_api_php", rawQuery);
        case "panel_api.php" -> fromQuery("panel_api_php", rawQuery);
        case "xmltv.php" -> fromQuery("xmltv_php", rawQuery);
        case "playlist" -> fromPath("playlist_path", segments, 1);
        case "player_api" -> fromPath("player_api_php", segments, 1);
        case "epg" -> fromPath("xmltv_php", segments, 1);
        case "live", "movie", "series", "timeshift", "timeshifts", "hls" ->
            fromPath("stream_url", segments, 1);
        case "streaming" -> fromQuery("stream_url", rawQuery);
        case "play" -> pastedForm = "play_token";
        case "c", "stalker_portal", "portal.php", "server" -> pastedForm = "portal_c";
        default -> {
          if (last.equals("c") || last.equals("portal.php")) {
            pastedForm = "portal_c";
          } else if (segments.size() == 3 && STREAM_FILE.matcher(segments.get(2)).matches()) {
            fromPath("stream_url", segments, 0); // the short live form /U/P/ID.ts
          } else {
            pastedForm = "other_path";
          }
        }
      }
    }

    private void fromQuery(String form, Map<String, String> rawQuery) {
      pastedForm = form;
      String rawUser = rawQuery.get("username");
      String rawPass = rawQuery.get("password");
      if (rawUser != null) {
        takeUsername(rawUser, queryDecode(rawUser));
      }
      if (rawPass != null) {
        takePassword(rawPass, queryDecode(rawPass));
      }
    }

    private void fromPath(String form, List<String> segments, int userIndex) {
      pastedForm = form;
      if (segments.size() > userIndex + 1) {
        String rawUser = segments.get(userIndex);
        String rawPass = segments.get(userIndex + 1);
        takeUsername(rawUser, percentDecode(rawUser));
        takePassword(rawPass, percentDecode(rawPass));
      }
    }

    private void takeUsername(String raw, String decoded) {
      if (username == null) {
        username = decoded;
      }
    }

    private void takePassword(String raw, String decoded) {
      if (password == null) {
        password = decoded;
        rawPasswords.add(raw);
        rawPasswords.add(decoded);
      }
    }

    /** The text as typed, with the password masked wherever it sits. */
    private String maskCredentials(String text) {
      String masked = maskUserInfo(text);
      List<String> raws = new ArrayList<>(rawPasswords);
      raws.sort((a, b) -> b.length() - a.length());
      for (String raw : raws) {
        if (!raw.isEmpty()) {
          masked = masked.replace(raw, Redactor.MASK);
        }
      }
      return Redactor.of(password).scrub(masked);
    }

    /**
     * Whatever sits before an {@code @} in front of the query may be {@code user:password}, even
     * when a {@code /} in the password kept it from being read as such: never echo it.
     */
    private static String maskUserInfo(String text) {
      int start = text.indexOf("://") >= 0 ? text.indexOf("://") + 3 : 0;
      int end = firstOf(text, "?#");
      int at = text.lastIndexOf('@', end - 1);
      if (at > start && text.substring(start, at).indexOf(':') >= 0) {
        return text.substring(0, start) + Redactor.MASK + text.substring(at);
      }
      return text;
    }

    private String baseUrl() {
      boolean defaultPort = port == (scheme.equals("https") ? 443 : 80);
      String h = hostKind.equals("ipv6") ? "[" + host.replace("%", "%25") + "]" : host;
      return scheme + "://" + h + (defaultPort && !portGiven ? "" : ":" + port);
    }

    private String stripTrailingPunctuation(String authority) {
      String a = authority;
      while (!a.isEmpty() && TRAILING_PUNCTUATION.indexOf(a.charAt(a.length() - 1)) >= 0) {
        a = a.substring(0, a.length() - 1);
      }
      if (!a.equals(authority)) {
        cleanups.add("trailing_punctuation");
      }
      return a;
    }
  }
}
