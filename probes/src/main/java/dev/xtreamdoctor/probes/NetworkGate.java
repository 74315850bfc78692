package dev.xtreamdoctor.probes;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Optional;
import javax.net.SocketFactory;
import org.xbill.DNS.SimpleResolver;

/**
 * The one door out: every DNS query, TCP connect and HTTP request of the probes is opened here.
 *
 * <p>With {@value #LOOPBACK_ONLY_PROPERTY}{@code =true} (set for every test run by the surefire
 * configuration) it refuses any destination outside 127.0.0.0/8 and ::1 before a packet leaves, so
 * even a buggy test cannot reach the default public resolvers or a real panel. The property sits
 * outside the {@code doctor.} prefix on purpose: the configuration mapping refuses unknown {@code
 * doctor.*} keys.
 */
public final class NetworkGate {
  public static final String LOOPBACK_ONLY_PROPERTY = "xtreamdoctor.network.loopback-only";

  private final boolean loopbackOnly;
  private final TargetPolicy policy;

  private NetworkGate(boolean loopbackOnly, TargetPolicy policy) {
    this.loopbackOnly = loopbackOnly;
    this.policy = policy;
  }

  /** A gate that is loopback-only if asked to be, or if the system property says so. */
  public static NetworkGate create(boolean loopbackOnly) {
    return create(loopbackOnly, TargetPolicy.any());
  }

  /** The same, with a policy asked about every panel address and port on top. */
  public static NetworkGate create(boolean loopbackOnly, TargetPolicy policy) {
    return new NetworkGate(loopbackOnly || Boolean.getBoolean(LOOPBACK_ONLY_PROPERTY), policy);
  }

  public boolean loopbackOnly() {
    return loopbackOnly;
  }

  public TargetPolicy policy() {
    return policy;
  }

  /** The address itself if it may be contacted. */
  public InetAddress admit(InetAddress address) throws NetworkRefusedException {
    // the policy first, so its reason is the one reported; loopback-only still refuses after it
    Optional<String> refusal = address == null ? Optional.empty() : policy.addressRefusal(address);
    if (refusal.isPresent()) {
      throw new TargetRefusedException(address.getHostAddress(), refusal.get());
    }
    admitNetwork(address);
    return address;
  }

  /** Address and port of a panel connect: the policy is asked about both. */
  public void admit(InetAddress address, int port) throws NetworkRefusedException {
    admit(address);
    Optional<String> refusal = policy.portRefusal(port);
    if (refusal.isPresent()) {
      throw new TargetRefusedException(address.getHostAddress() + " port " + port, refusal.get());
    }
    refusal = policy.destinationRefusal(address, port);
    if (refusal.isPresent()) {
      throw new TargetRefusedException(address.getHostAddress() + " port " + port, refusal.get());
    }
  }

  /**
   * Asks the policy alone about a resolved address before anything is chosen: a name with any
   * refused answer is refused whole. (Loopback-only is left to the connect itself.)
   */
  public void screen(InetAddress address, int port) throws TargetRefusedException {
    Optional<String> refusal = policy.addressRefusal(address);
    if (refusal.isEmpty()) {
      refusal = policy.portRefusal(port);
    }
    if (refusal.isEmpty()) {
      refusal = policy.destinationRefusal(address, port);
    }
    if (refusal.isPresent()) {
      throw new TargetRefusedException(address.getHostAddress() + " port " + port, refusal.get());
    }
  }

  /** Loopback-only applies to everything, resolvers included. */
  private void admitNetwork(InetAddress address) throws NetworkRefusedException {
    if (address == null) {
      throw new NetworkRefusedException(
          "refused an unresolved destination: the probes resolve names themselves");
    }
    if (loopbackOnly && !address.isLoopbackAddress()) {
      throw new NetworkRefusedException(
          "refused "
              + address.getHostAddress()
              + ": the network is limited to loopback ("
              + LOOPBACK_ONLY_PROPERTY
              + "=true)");
    }
  }

  /** An unconnected socket whose connect passes through this gate. */
  public Socket newSocket() {
    return new GatedSocket(this, null);
  }

  /** The same, counting what the server sends into {@code tap}. */
  Socket newSocket(ByteTap tap) {
    return new GatedSocket(this, tap);
  }

  /** Socket factory for Commons Net clients and anything else that makes its own sockets. */
  public SocketFactory socketFactory() {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        return newSocket();
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        throw new NetworkRefusedException(
            "refused a connect by name: the probes resolve names themselves");
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        throw new NetworkRefusedException(
            "refused a connect by name: the probes resolve names themselves");
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = newSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
          throws IOException {
        Socket s = newSocket();
        s.bind(new InetSocketAddress(local, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
      }
    };
  }

  /** A dnsjava resolver for one server, with no search path and the given timeout. */
  public SimpleResolver dnsResolver(InetSocketAddress server, Duration timeout)
      throws NetworkRefusedException {
    admitNetwork(server.getAddress()); // the operator's resolvers, not a panel: no target policy
    SimpleResolver r = new SimpleResolver(server);
    r.setTimeout(timeout);
    return r;
  }

  /** A socket that asks the gate before it connects (and may count what it receives). */
  private static final class GatedSocket extends Socket {
    private final NetworkGate gate;
    private final ByteTap tap;
    private InputStream tapped;

    GatedSocket(NetworkGate gate, ByteTap tap) {
      this.gate = gate;
      this.tap = tap;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (tap == null) {
        return super.getInputStream();
      }
      if (tapped == null) {
        tapped = tap.wrap(super.getInputStream());
      }
      return tapped;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress isa) || isa.isUnresolved()) {
        throw new NetworkRefusedException(
            "refused an unresolved destination: the probes resolve names themselves");
      }
      gate.admit(isa.getAddress(), isa.getPort());
      super.connect(endpoint, timeout);
    }
  }
}
