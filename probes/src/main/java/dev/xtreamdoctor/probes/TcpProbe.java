package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import org.apache.commons.net.SocketClient;

/** A timed TCP connect to one address and port: connected, refused, timed out or unreachable. */
final class TcpProbe {
  static final String BEFORE_LOGIN = "before_login";
  static final String AFTER_LOGIN = "after_login";

  private final NetworkGate gate;
  private final int connectMs;

  TcpProbe(NetworkGate gate, int connectMs) {
    this.gate = gate;
    this.connectMs = connectMs;
  }

  TcpConnect connect(InetAddress address, int port, String resolverRole, String stage)
      throws NetworkRefusedException {
    return connect(address, port, resolverRole, stage, connectMs, 0);
  }

  /**
   * One timed connect as a fact; {@code order} is the address's place in the order the app tries
   * them (0 outside it). An address that cannot hold a server (0.0.0.0, ::, multicast) is not
   * connected to: on a device such a connect lands on the device itself or nowhere.
   */
  TcpConnect connect(
      InetAddress address, int port, String resolverRole, String stage, int timeoutMs, int order)
      throws NetworkRefusedException {
    if (address.isAnyLocalAddress()
        || address.isMulticastAddress()
        || address.getHostAddress().equals("255.255.255.255")) {
      return new TcpConnect(
          address.getHostAddress(), port, resolverRole, Outcome.TCP_SKIPPED, stage, 0, order);
    }
    Attempt a = attempt(address, port, timeoutMs);
    return new TcpConnect(
        address.getHostAddress(),
        port,
        resolverRole,
        a.outcome(),
        stage,
        a.nanos() / 1_000_000,
        order);
  }

  /** One connect, then an immediate close; the raw result for latency sampling. */
  Attempt attempt(InetAddress address, int port, int timeoutMs) throws NetworkRefusedException {
    gate.admit(address);
    ConnectOnly client = new ConnectOnly();
    client.setSocketFactory(gate.socketFactory());
    client.setConnectTimeout(timeoutMs);
    client.setDefaultTimeout(timeoutMs);
    long start = System.nanoTime();
    try {
      client.connect(address, port);
      return new Attempt(Outcome.TCP_CONNECTED, System.nanoTime() - start);
    } catch (IOException e) {
      NetworkRefusedException refused = NetworkRefusedException.findIn(e);
      if (refused != null) {
        throw refused;
      }
      return new Attempt(classify(e), System.nanoTime() - start);
    } finally {
      try {
        client.disconnect();
      } catch (IOException ignored) {
        // closing a probe socket: nothing to report
      }
    }
  }

  static String classify(IOException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
    if (e instanceof SocketTimeoutException) {
      return Outcome.TCP_TIMED_OUT;
    }
    if (e instanceof NoRouteToHostException
        || m.contains("unreachable")
        || m.contains("no route")) {
      return Outcome.TCP_UNREACHABLE;
    }
    if (e instanceof ConnectException || m.contains("refused")) {
      return m.contains("timed out") ? Outcome.TCP_TIMED_OUT : Outcome.TCP_REFUSED;
    }
    if (m.contains("reset")) {
      return Outcome.TCP_RESET;
    }
    return Outcome.TCP_ERROR;
  }

  record Attempt(String outcome, long nanos) {
    boolean connected() {
      return Outcome.TCP_CONNECTED.equals(outcome);
    }
  }

  /** Commons Net's timed connect, with nothing on top. */
  private static final class ConnectOnly extends SocketClient {}
}
