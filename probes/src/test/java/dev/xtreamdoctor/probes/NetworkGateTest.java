package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NetworkGateTest {

  @Test
  void theTestRunIsLoopbackOnly() {
    assertEquals("true", System.getProperty(NetworkGate.LOOPBACK_ONLY_PROPERTY));
    assertTrue(
        NetworkGate.create(false).loopbackOnly(), "the system property must win over settings");
  }

  @Test
  void refusesPublicAndPrivateAddressesBeforeConnecting() throws Exception {
    NetworkGate gate = NetworkGate.create(false);
    for (String a :
        new String[] {"1.1.1.1", "8.8.8.8", "192.168.1.1", "10.0.0.1", "2606:4700:4700::1111"}) {
      InetAddress address = InetAddress.getByName(a);
      assertThrows(NetworkRefusedException.class, () -> gate.admit(address), a);
      try (Socket s = gate.newSocket()) {
        assertThrows(
            NetworkRefusedException.class,
            () -> s.connect(new InetSocketAddress(address, 80), 50),
            a);
      }
      assertThrows(
          NetworkRefusedException.class,
          () -> gate.dnsResolver(new InetSocketAddress(address, 53), Duration.ofMillis(50)),
          a);
    }
  }

  @Test
  void refusesConnectsByName() throws Exception {
    NetworkGate gate = NetworkGate.create(true);
    try (Socket s = gate.newSocket()) {
      assertThrows(
          NetworkRefusedException.class,
          () -> s.connect(InetSocketAddress.createUnresolved("panel.example.test", 80), 50));
    }
  }

  @Test
  void letsLoopbackThrough() throws Exception {
    NetworkGate gate = NetworkGate.create(true);
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Socket s = gate.newSocket()) {
      s.connect(
          new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.getLocalPort()), 1000);
      assertTrue(s.isConnected());
    }
  }

  @Test
  void theTcpProbeReportsARefusalAsAToolProblemNotAnOutcome() {
    TcpProbe tcp = new TcpProbe(NetworkGate.create(true), 100);
    assertThrows(
        NetworkRefusedException.class,
        () -> tcp.connect(InetAddress.getByName("8.8.8.8"), 53, "public", TcpProbe.BEFORE_LOGIN));
  }
}
