package dev.xtreamdoctor.probes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import javax.net.SocketFactory;
import org.xbill.DNS.SimpleResolver;

/**
 * The one door out: every DNS query, TCP connect and HTTP request of the probes is opened here.
 *
 * <p>With {@value #LOOPBACK_ONLY_PROPERTY}{@code =true} (set for every test run by the surefire
 * configuration) it refuses any destination outside 127.0.0.0/8 and ::1 before a packet leaves,
 * so even a buggy test cannot reach the default public resolvers or a real panel. The property
 * sits outside the {@code doctor.} prefix on purpose: the configuration mapping refuses unknown
 * {@code doctor.*} keys.
 */
public final class NetworkGate {
  public static final String LOOPBACK_ONLY_PROPERTY = "xtreamdoctor.network.loopback-only";

  private final boolean loopbackOnly;

  private NetworkGate(boolean loopbackOnly) {
    this.loopbackOnly = loopbackOnly;
  }

  /** A gate that is loopback-only if asked to be, or if the system property says so. */
  public static NetworkGate create(boolean loopbackOnly) {
    return new NetworkGate(loopbackOnly || Boolean.getBoolean(LOOPBACK_ONLY_PROPERTY));
  }

  public boolean loopbackOnly() {
    return loopbackOnly;
  }

  /** The address itself if it may be contacted. */
  public InetAddress admit(InetAddress address) throws NetworkRefusedException {
    if (address == null) {
      throw new NetworkRefusedException("refused an unresolved destination: the probes resolve names themselves");
    }
    if (loopbackOnly && !address.isLoopbackAddress()) {
      throw new NetworkRefusedException(
          "refused " + address.getHostAddress() + ": the network is limited to loopback ("
              + LOOPBACK_ONLY_PROPERTY + "=true)");
    }
    return address;
  }

  /** An unconnected socket whose connect passes through this gate. */
  public Socket newSocket() {
    return new GatedSocket(this);
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
        throw new NetworkRefusedException("refused a connect by name: the probes resolve names themselves");
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        throw new NetworkRefusedException("refused a connect by name: the probes resolve names themselves");
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
    admit(server.getAddress());
    SimpleResolver r = new SimpleResolver(server);
    r.setTimeout(timeout);
    return r;
  }

  /** A socket that asks the gate before it connects. */
  private static final class GatedSocket extends Socket {
    private final NetworkGate gate;

    GatedSocket(NetworkGate gate) {
      this.gate = gate;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress isa) || isa.isUnresolved()) {
        throw new NetworkRefusedException("refused an unresolved destination: the probes resolve names themselves");
      }
      gate.admit(isa.getAddress());
      super.connect(endpoint, timeout);
    }
  }
}
