package dev.xtreamdoctor.probes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * HttpClient's resolver, pinned to the one address the DNS probe chose for the request in flight
 * on this thread: the JVM's own resolver is never asked, and the URL keeps the host name for the
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
    String host = call.host.toLowerCase(Locale.ROOT);
    InetAddress address = call.address;
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("[") && n.endsWith("]")) {
      n = n.substring(1, n.length() - 1);
    }
    if (!n.equals(host) && !n.equals(address.getHostAddress())) {
      throw new UnknownHostException("not pinned");
    }
    try {
      // exactly one address: HttpClient would try every address it is given
      return new InetAddress[] {gate.admit(address)};
    } catch (NetworkRefusedException e) {
      UnknownHostException u = new UnknownHostException(e.getMessage());
      u.initCause(e);
      throw u;
    }
  }

  @Override
  public String resolveCanonicalHostname(String name) {
    return name;
  }
}
