package dev.xtreamdoctor.probes;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** What kind of address a DNS answer holds: a plain observation, the rules decide what it means. */
final class AddressKind {
  private AddressKind() {}

  static String of(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (a.isLinkLocalAddress()) {
      return "link_local";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (a.isSiteLocalAddress()) {
        return "private";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "shared";
      }
      if (first == 0 || first >= 224) {
        return "other"; // "this network", multicast, reserved, broadcast
      }
      return "public";
    }
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc || a.isSiteLocalAddress()) {
        return "private"; // fc00::/7 unique local, fec0::/10 old site-local
      }
      if (a.isMulticastAddress() || first == 0) {
        return "other";
      }
      return "public";
    }
    return "other";
  }
}
