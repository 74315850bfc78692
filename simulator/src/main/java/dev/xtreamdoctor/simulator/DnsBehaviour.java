package dev.xtreamdoctor.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How a simulated resolver answers for one name. */
public sealed interface DnsBehaviour {

  /**
   * NOERROR with these addresses (A for IPv4, AAAA for IPv6; a type with no address is NODATA).
   *
   * @param addresses the addresses to answer
   * @param hijacked true when this is a forged answer (an ISP pointing to its block page); only a
   *     label for logs and descriptions, the wire answer is the same
   * @param truncatedOverUdp answer over UDP with TC set and no records, so the client retries over
   *     TCP, where it gets the records
   */
  record Answer(List<InetAddress> addresses, boolean hijacked, boolean truncatedOverUdp)
      implements DnsBehaviour {
    public Answer {
      addresses = List.copyOf(addresses);
    }
  }

  /** A response code with no records: NXDOMAIN, SERVFAIL, REFUSED. */
  record Failure(int rcode) implements DnsBehaviour {}

  /** NOERROR with an empty answer section. */
  record NoData() implements DnsBehaviour {}

  /** Never answer: the client times out. */
  record Silence() implements DnsBehaviour {}

  /**
   * The name is an alias (CNAME) of {@code target}: the answer holds the CNAME, then whatever this
   * resolver says for the target, as a recursive resolver follows the chain (a dangling alias
   * answers NXDOMAIN with the CNAME).
   */
  record Alias(String target) implements DnsBehaviour {}

  static DnsBehaviour answer(String... addresses) {
    return new Answer(parse(addresses), false, false);
  }

  /** A forged answer, e.g. {@code 127.0.0.66} where a block page waits, or {@code 0.0.0.0}. */
  static DnsBehaviour hijack(String... addresses) {
    return new Answer(parse(addresses), true, false);
  }

  /** Truncated over UDP, full over TCP. */
  static DnsBehaviour truncated(String... addresses) {
    return new Answer(parse(addresses), false, true);
  }

  static DnsBehaviour nxdomain() {
    return new Failure(org.xbill.DNS.Rcode.NXDOMAIN);
  }

  static DnsBehaviour servfail() {
    return new Failure(org.xbill.DNS.Rcode.SERVFAIL);
  }

  static DnsBehaviour refused() {
    return new Failure(org.xbill.DNS.Rcode.REFUSED);
  }

  static DnsBehaviour nodata() {
    return new NoData();
  }

  static DnsBehaviour silence() {
    return new Silence();
  }

  static DnsBehaviour alias(String target) {
    if (!target.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("not a host name: '" + target + "'");
    }
    return new Alias(target.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Parses {@code nxdomain}, {@code servfail}, {@code refused}, {@code silence}, {@code nodata},
   * {@code answer 127.0.0.1[,::1]}, {@code hijack 127.0.0.66}, {@code truncated 127.0.0.1}.
   */
  static DnsBehaviour parse(String spec) {
    String[] words = spec.trim().split("\\s+", 2);
    String rest = words.length > 1 ? words[1] : "";
    String[] addresses = rest.isBlank() ? new String[0] : rest.split("[,\\s]+");
    return switch (words[0].toLowerCase(java.util.Locale.ROOT)) {
      case "nxdomain" -> nxdomain();
      case "servfail" -> servfail();
      case "refused" -> refused();
      case "silence", "silent", "timeout" -> silence();
      case "nodata" -> nodata();
      case "answer" -> answer(addresses);
      case "hijack" -> hijack(addresses);
      case "truncated" -> truncated(addresses);
      case "cname", "alias" -> alias(rest.trim());
      default ->
          throw new IllegalArgumentException(
              "unknown DNS behaviour '"
                  + spec
                  + "' (use answer ADDR, hijack ADDR, truncated ADDR,"
                  + " cname NAME, nxdomain, servfail, refused, silence or nodata)");
    };
  }

  /** A short label for logs and descriptions, e.g. {@code answer 127.0.0.1}. */
  default String describe() {
    if (this instanceof Answer a) {
      String kind = a.hijacked() ? "hijack" : a.truncatedOverUdp() ? "truncated" : "answer";
      return kind
          + " "
          + String.join(",", a.addresses().stream().map(InetAddress::getHostAddress).toList());
    } else if (this instanceof Failure f) {
      return org.xbill.DNS.Rcode.string(f.rcode()).toLowerCase(java.util.Locale.ROOT);
    } else if (this instanceof NoData) {
      return "nodata";
    } else if (this instanceof Alias a) {
      return "cname " + a.target();
    }
    return "silence";
  }

  private static List<InetAddress> parse(String... addresses) {
    List<InetAddress> out = new ArrayList<>();
    for (String a : addresses) {
      out.add(literal(a));
    }
    return out;
  }

  /** An address literal: IPv4 dotted or IPv6 with colons; names are refused (no lookups here). */
  private static InetAddress literal(String text) {
    String t = text.trim();
    if (!Pattern.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*", t)) {
      throw new IllegalArgumentException("not an IP address: '" + text + "'");
    }
    try {
      return InetAddress.getByName(t);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: '" + text + "'", e);
    }
  }
}
