package dev.xtreamdoctor.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The simulator binds to loopback only: this is where that rule is enforced. */
final class Loopback {
  static final String DEFAULT = "127.0.0.1";
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");

  private Loopback() {}

  /** A hint for systems (macOS) where only 127.0.0.1 is configured on the loopback interface. */
  static String aliasHint(InetAddress address) {
    String a = address.getHostAddress();
    return a.equals(DEFAULT) || a.contains(":")
        ? ""
        : "; if this system routes only 127.0.0.1, add the address first, e.g. on macOS:"
            + " sudo ifconfig lo0 alias "
            + a;
  }

  /** Parses a loopback literal ({@code 127.x.y.z} or {@code ::1}); anything else is refused. */
  static InetAddress address(String literal) {
    String text = literal == null ? "" : literal.trim();
    if (!IPV4_LOOPBACK.matcher(text).matches() && !text.equals("::1")) {
      throw new IllegalArgumentException(
          "the simulator listens on loopback only (127.x.y.z or ::1), not '" + text + "'");
    }
    try {
      return InetAddress.getByName(text); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address: " + text, e);
    }
  }
}
