package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** A dropped port: the connect itself times out. */
class BlackholeTest {

  @Test
  void connectTimesOut() throws Exception {
    try (Blackhole hole = Blackhole.open("127.0.0.1", 0)) {
      for (int i = 0; i < 2; i++) {
        try (Socket s = new Socket()) {
          long start = System.nanoTime();
          assertThrows(
              SocketTimeoutException.class,
              () -> s.connect(new InetSocketAddress("127.0.0.1", hole.port()), 300));
          assertTrue(System.nanoTime() - start >= 250_000_000L);
        }
      }
    }
  }
}
