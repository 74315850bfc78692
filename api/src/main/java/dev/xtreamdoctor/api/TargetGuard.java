package dev.xtreamdoctor.api;

import dev.xtreamdoctor.probes.TargetPolicy;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SSRF guard of a diagnosis service (reference reliability-and-rules.md A5, A10): refuses
 * loopback, private, link-local, CGNAT, multicast, unspecified, documentation and benchmark
 * addresses, and every IPv6 form that carries an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64,
 * 6to4, Teredo); ports outside a short list; and server text that is not a plain http(s) address.
 * Plugged into the probes' network gate as their {@link TargetPolicy}, it is asked about every
 * address a name resolved to (all of them must pass) and again at every connect.
 *
 * <p>An allow list exempts exactly the addresses inside its ranges and nothing else: allowing
 * {@code 127.0.0.1/32} leaves {@code 127.0.0.2}, {@code ::1} and {@code ::ffff:7f00:2} refused.
 * Instances are immutable and thread-safe.
 */
public final class TargetGuard implements TargetPolicy {
  /** Ports Xtream panels are commonly found on, behind Cloudflare included. */
  public static final Set<Integer> DEFAULT_PORTS =
      Set.of(
          80, 443, 8080, 8000, 8880, 2052, 2053, 2082, 2083, 2086, 2087, 2095, 2096, 8443, 25461,
          25463);

  private record Blocked(Cidr range, String reason) {}

  private static final List<Blocked> BLOCKED = new ArrayList<>();

  static {
    block("0.0.0.0/8", "a \"this network\" address");
    block("10.0.0.0/8", "a private address");
    block("100.64.0.0/10", "a carrier-grade NAT address");
    block("127.0.0.0/8", "a loopback address");
    block("169.254.0.0/16", "a link-local address (cloud metadata lives here)");
    block("172.16.0.0/12", "a private address");
    block("192.0.0.0/24", "an IETF protocol assignment");
    block("192.0.2.0/24", "a documentation address");
    block("192.88.99.0/24", "a 6to4 relay address");
    block("192.168.0.0/16", "a private address");
    block("198.18.0.0/15", "a benchmarking address");
    block("198.51.100.0/24", "a documentation address");
    block("203.0.113.0/24", "a documentation address");
    block("224.0.0.0/4", "a multicast address");
    block("240.0.0.0/4", "a reserved or broadcast address");
    block("::/128", "the unspecified address");
    block("::1/128", "a loopback address");
    // ::ffff:0:0/96 (IPv4-mapped) needs no entry: Java reads those as the IPv4 address itself
    block("::/96", "an IPv4-compatible address");
    block("64:ff9b::/96", "a NAT64 address");
    block("64:ff9b:1::/48", "a local NAT64 address");
    block("100::/64", "a discard-only address");
    block("2001::/32", "a Teredo address");
    block("2001:10::/28", "an ORCHID address");
    block("2001:20::/28", "an ORCHID address");
    block("2001:db8::/32", "a documentation address");
    block("2002::/16", "a 6to4 address");
    block("fc00::/7", "a private (unique local) address");
    block("fe80::/10", "a link-local address");
    block("fec0::/10", "a site-local address");
    block("ff00::/8", "a multicast address");
  }

  private static void block(String range, String reason) {
    BLOCKED.add(new Blocked(Cidr.parse(range), reason));
  }

  /** Names that only ever mean this machine or its own network. */
  private static final List<String> LOCAL_NAME_SUFFIXES =
      List.of(".localhost", ".local", ".localdomain", ".internal", ".home.arpa", ".arpa", ".lan");

  private final List<Cidr> allowed;
  private final Set<Integer> ports;
  private final Optional<InetSocketAddress> self;

  private TargetGuard(List<Cidr> allowed, Set<Integer> ports, Optional<InetSocketAddress> self) {
    this.allowed = List.copyOf(allowed);
    this.ports = Set.copyOf(ports);
    this.self = self;
  }

  /** Public addresses on the default ports only. */
  public static TargetGuard defaults() {
    return new TargetGuard(List.of(), DEFAULT_PORTS, Optional.empty());
  }

  /**
   * A guard with an allow list and a port list.
   *
   * @param allowedRanges ranges exempt from the block list, e.g. a LAN panel's {@code
   *     192.168.1.20/32}; each must be written as a canonical address with an optional prefix
   * @param allowedPorts the ports a panel may be on
   * @throws IllegalArgumentException on a range that cannot be read or a port out of range
   */
  public static TargetGuard of(List<String> allowedRanges, Set<Integer> allowedPorts) {
    List<Cidr> ranges = allowedRanges.stream().map(Cidr::parse).toList();
    for (int p : allowedPorts) {
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("not a port: " + p);
      }
    }
    return new TargetGuard(ranges, allowedPorts, Optional.empty());
  }

  /** The same guard that also refuses the service's own listening socket. */
  public TargetGuard excludingSelf(InetSocketAddress listening) {
    return new TargetGuard(allowed, ports, Optional.of(listening));
  }

  public List<Cidr> allowedRanges() {
    return allowed;
  }

  public Set<Integer> ports() {
    return new TreeSet<>(ports);
  }

  /**
   * The part of {@link #inputRefusal} that is about the text, not about where it points: control
   * characters, CR/LF (raw or percent-encoded), backslashes or white space inside, a scheme other
   * than http and https. Such text cannot be a server address at all (a typo, or worse), so callers
   * report it as bad input rather than as a refused target.
   *
   * @return what is wrong with the text, or empty
   */
  public Optional<String> malformed(String serverText) {
    if (serverText == null || serverText.isBlank()) {
      return Optional.empty(); // the parser explains an empty field
    }
    String s = serverText.strip();
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
        return Optional.of("the server address contains control characters or white space");
      }
      if (c == '\\') {
        return Optional.of("the server address contains a backslash");
      }
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.contains("%0d") || lower.contains("%0a") || lower.contains("%00")) {
      return Optional.of("the server address contains an encoded line break or NUL");
    }
    int sep = lower.indexOf("://");
    if (sep >= 0) {
      String scheme = lower.substring(0, sep);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return Optional.of("only http:// and https:// servers can be checked");
      }
    } else if (lower.matches("^[a-z][a-z0-9+.-]*:[^0-9].*")) {
      return Optional.of("only http:// and https:// servers can be checked");
    }
    return Optional.empty();
  }

  /**
   * Checks the server field as typed, before anything is parsed or resolved: only http and https,
   * no control characters, CR/LF (raw or percent-encoded), backslashes or white space inside, no
   * odd spellings of IPv4 addresses, no names that only mean this machine or its network, and a
   * literal address must pass {@link #addressRefusal}.
   *
   * @return why the text is refused, or empty when it may go on to be parsed and resolved
   */
  public Optional<String> inputRefusal(String serverText) {
    Optional<String> malformed = malformed(serverText);
    if (malformed.isPresent() || serverText == null || serverText.isBlank()) {
      return malformed;
    }
    String s = serverText.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    int sep = lower.indexOf("://");
    String afterScheme = s.substring(sep >= 0 ? sep + 3 : 0);
    String host = hostOf(afterScheme);
    if (host.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> port = portRefusalOfText(afterScheme, lower.startsWith("https://") ? 443 : 80);
    if (port.isPresent()) {
      return port;
    }
    Optional<String> odd = Addresses.oddIpv4Spelling(host);
    if (odd.isPresent()) {
      return Optional.of(
              "\""
                  + host
                  + "\" is an unusual way to write "
                  + odd.get()
                  + "; write the address plainly")
          .map(m -> addressRefusalOfText(odd.get()).map(r -> m + " (" + r + ")").orElse(m));
    }
    String name = host.toLowerCase(Locale.ROOT);
    name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (name.equals("localhost") || LOCAL_NAME_SUFFIXES.stream().anyMatch(name::endsWith)) {
      return Optional.of("\"" + host + "\" names this machine or its local network");
    }
    if (host.indexOf(':') >= 0 || Addresses.isCanonicalIpv4(name)) {
      return addressRefusalOfText(host);
    }
    return Optional.empty();
  }

  private Optional<String> addressRefusalOfText(String literal) {
    String l = literal;
    int zone = l.indexOf('%');
    if (zone >= 0) {
      return Optional.of("a scoped (link-local) address");
    }
    if (!l.matches("[0-9A-Fa-f:.]+")) {
      return Optional.of("not an address");
    }
    try {
      return addressRefusal(InetAddress.getByName(l)); // a literal: no lookup
    } catch (UnknownHostException e) {
      return Optional.of("not an address");
    }
  }

  /** The port written after the host (or the scheme's own), checked against the list. */
  private Optional<String> portRefusalOfText(String afterScheme, int schemePort) {
    String authority = authority(afterScheme);
    int close = authority.lastIndexOf(']');
    String tail =
        close >= 0
            ? authority.substring(close + 1)
            : authority.indexOf(':') != authority.lastIndexOf(':') ? "" : authority;
    int colon = tail.lastIndexOf(':');
    if (colon < 0 || colon == tail.length() - 1) {
      return portRefusal(schemePort);
    }
    String text = tail.substring(colon + 1);
    if (!text.matches("\\d{1,5}")) {
      return Optional.of("the port is not a number");
    }
    return portRefusal(Integer.parseInt(text));
  }

  private static String authority(String afterScheme) {
    int end = afterScheme.length();
    for (int i = 0; i < afterScheme.length(); i++) {
      if ("/?#".indexOf(afterScheme.charAt(i)) >= 0) {
        end = i;
        break;
      }
    }
    String authority = afterScheme.substring(0, end);
    return authority.substring(authority.lastIndexOf('@') + 1);
  }

  /**
   * The host part of what follows the scheme: user info, port, path, query and fragment cut off.
   */
  private static String hostOf(String afterScheme) {
    String authority = authority(afterScheme);
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? authority.substring(1) : authority.substring(1, close);
    }
    if (authority.indexOf(':') != authority.lastIndexOf(':')) {
      return authority; // bare IPv6
    }
    int colon = authority.indexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  @Override
  public Optional<String> addressRefusal(InetAddress address) {
    for (Cidr c : allowed) {
      if (c.contains(address)) {
        return Optional.empty();
      }
    }
    if (address instanceof Inet6Address six && six.getScopeId() != 0) {
      return Optional.of("a scoped (link-local) address");
    }
    byte[] bytes = address.getAddress();
    for (Blocked b : BLOCKED) {
      if (b.range().matches(bytes)) {
        return Optional.of(b.reason());
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> portRefusal(int port) {
    return ports.contains(port)
        ? Optional.empty()
        : Optional.of(
            "port " + port + " is not one a panel is checked on (allowed: " + ports() + ")");
  }

  @Override
  public Optional<String> destinationRefusal(InetAddress address, int port) {
    if (self.isEmpty() || self.get().getPort() != port) {
      return Optional.empty();
    }
    InetAddress listening = self.get().getAddress();
    boolean same =
        address.equals(listening) || address.isLoopbackAddress() || address.isAnyLocalAddress();
    if (!same && listening.isAnyLocalAddress()) {
      try {
        same = NetworkInterface.getByInetAddress(address) != null;
      } catch (SocketException e) {
        same = true; // cannot tell: refuse
      }
    }
    return same ? Optional.of("that is this service itself") : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TargetGuard g
        && g.allowed.equals(allowed)
        && g.ports.equals(ports)
        && g.self.equals(self);
  }

  @Override
  public int hashCode() {
    return allowed.hashCode() * 31 + ports.hashCode();
  }
}
