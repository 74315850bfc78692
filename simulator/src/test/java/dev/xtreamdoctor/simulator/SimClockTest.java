package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A panel that hangs only at certain hours of its clock, and a clock that can be moved on. */
class SimClockTest {
  private static String login(Simulation sim) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(sim.panel().address(), sim.panel().port()), 2000);
      s.setSoTimeout(700);
      String request =
          "GET /player_api.php?username="
              + sim.username()
              + "&password="
              + sim.password()
              + " HTTP/1.1\r\nHost: panel\r\nConnection: close\r\n\r\n";
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      try {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (SocketTimeoutException e) {
        return "(no answer)";
      }
    }
  }

  @Test
  void atHoursFollowsTheSimulationClockAndShiftsMoveIt() throws IOException {
    SimClock clock =
        SimClock.startingAt(Instant.parse("2026-03-02T15:30:00Z"), ZoneOffset.ofHours(1), 1);
    try (Simulation sim = Simulation.start(Scenarios.get("peak-hours"), clock)) {
      assertTrue(login(sim).contains("\"auth\":1"), "16:30 local: the panel answers");
      clock.shift(Duration.ofHours(3)); // 19:30 local
      assertEquals("(no answer)", login(sim));
      clock.shift(Duration.ofHours(5)); // 00:30 local
      assertTrue(login(sim).contains("\"auth\":1"));
    }
  }

  @Test
  void aFastClockRunsFaster() throws InterruptedException {
    SimClock clock = SimClock.startingAt(Instant.EPOCH, ZoneOffset.UTC, 3600);
    Thread.sleep(50);
    assertTrue(clock.instant().isAfter(Instant.EPOCH.plusSeconds(150)), clock.instant().toString());
  }
}
