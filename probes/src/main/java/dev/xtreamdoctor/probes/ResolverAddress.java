package dev.xtreamdoctor.probes;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Reads a configured resolver ({@code ip}, {@code ip:port}, {@code [v6]:port}) without any lookup.
 */
final class ResolverAddress {
  private ResolverAddress() {}

  static InetSocketAddress parse(String text) {
    String t = text.strip();
    String host = t;
    int port = 53;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw bad(text);
      }
      host = t.substring(1, close);
      if (t.length() > close + 1) {
        if (t.charAt(close + 1) != ':') {
          throw bad(text);
        }
        port = port(t.substring(close + 2), text);
      }
    } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
      host = t.substring(0, t.indexOf(':'));
      port = port(t.substring(t.indexOf(':') + 1), text);
    }
    boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = host.matches("[0-9A-Fa-f:.]+") && host.indexOf(':') >= 0;
    if (!ipv4 && !ipv6) {
      throw bad(text); // only literals: a resolver given by name would need a resolver first
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw bad(text);
    }
  }

  /** {@code host:port} as shown in facts. */
  static String show(InetSocketAddress a) {
    String h = a.getAddress().getHostAddress();
    return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + a.getPort();
  }

  private static int port(String s, String text) {
    if (!s.matches("\\d{1,5}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 65535) {
      throw bad(text);
    }
    return Integer.parseInt(s);
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException(
        "resolver \"" + text + "\" is not an IP address with an optional port");
  }
}
