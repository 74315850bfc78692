package dev.xtreamdoctor.probes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * HttpClient's resolver, pinned to the one address the DNS probe chose: the JVM's own resolver is
 * never asked, and the URL keeps the host name for the Host header, SNI and the name check.
 */
final class PinnedDns implements DnsResolver {
  private final String host;
  private final InetAddress address;
  private final NetworkGate gate;

  PinnedDns(String host, InetAddress address, NetworkGate gate) {
    this.host = host.toLowerCase(Locale.ROOT);
    this.address = address;
    this.gate = gate;
  }

  @Override
  public InetAddress[] resolve(String name) throws UnknownHostException {
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
