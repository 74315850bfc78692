package dev.xtreamdoctor.probes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * HttpClient's resolver, pinned to the addresses the probes chose for the request in flight on this
 * thread, in their order (HttpClient tries the next one when a connect is refused or times out, as
 * the app does): the JVM's own resolver is never asked, and the URL keeps the host name for the
 * Host header, SNI and the name check.
 */
final class PinnedDns implements DnsResolver {
  private final NetworkGate gate;

  PinnedDns(NetworkGate gate) {
    this.gate = gate;
  }

  @Override
  public InetAddress[] resolve(String name) throws UnknownHostException {
    HttpExchange.Call call = HttpExchange.currentCall();
    if (call == null) {
      throw new UnknownHostException("not pinned");
    }
    String host = strip(call.host.toLowerCase(Locale.ROOT));
    String n = strip(name.toLowerCase(Locale.ROOT));
    boolean literal = call.addresses.stream().anyMatch(a -> sameLiteral(n, a));
    if (!n.equals(host) && !literal) {
      throw new UnknownHostException("not pinned");
    }
    InetAddress[] out = new InetAddress[call.addresses.size()];
    try {
      for (int i = 0; i < out.length; i++) {
        out[i] = gate.admit(call.addresses.get(i));
      }
      return out;
    } catch (NetworkRefusedException e) {
      UnknownHostException u = new UnknownHostException(e.getMessage());
      u.initCause(e);
      throw u;
    }
  }

  private static String strip(String n) {
    return n.startsWith("[") && n.endsWith("]") ? n.substring(1, n.length() - 1) : n;
  }

  /** The name is this address written out (IPv6 with or without its zone). */
  private static boolean sameLiteral(String name, InetAddress a) {
    String text = a.getHostAddress().toLowerCase(Locale.ROOT);
    int zone = text.indexOf('%');
    return name.equals(text)
        || zone > 0 && name.replace("%25", "%").startsWith(text.substring(0, zone));
  }

  @Override
  public String resolveCanonicalHostname(String name) {
    return name;
  }
}
