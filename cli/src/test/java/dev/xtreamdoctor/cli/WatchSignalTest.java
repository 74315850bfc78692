package dev.xtreamdoctor.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.simulator.Simulation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} in a real process, stopped by Ctrl-C: it sums up what it saw and exits with its
 * code.
 */
@DisabledOnOs(OS.WINDOWS)
class WatchSignalTest {
  @TempDir Path dir;

  @Test
  void ctrlCStopsTheWatchAndItSumsUp() throws Exception {
    try (Simulation sim = Simulation.start("healthy-xc2")) {
      Path config = dir.resolve("doctor.properties");
      Files.writeString(
          config,
          String.join(
              "\n",
              "doctor.dns.system-resolvers=" + sim.systemResolvers(),
              "doctor.dns.public-resolvers=" + sim.publicResolvers(),
              "doctor.latency.samples=1",
              "doctor.watch.min-interval=1s",
              ""));
      Path history = dir.resolve("h.jsonl");
      List<String> command = new ArrayList<>();
      if (Files.isExecutable(
          Path.of("/usr/bin/perl"))) { // restore SIGINT, as SimulateSignalTest explains
        command.addAll(
            List.of(
                "/usr/bin/perl", "-e", "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec @ARGV or die"));
      }
      command.addAll(
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-XX:TieredStopAtLevel=1",
              "-cp",
              System.getProperty("java.class.path"),
              Main.class.getName(),
              "watch",
              "--config",
              config.toString(),
              "--server",
              sim.serverUrl(),
              "--username",
              sim.username(),
              "--password",
              sim.password(),
              "--every",
              "1s",
              "--history",
              history.toString()));
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
      Process p = pb.start();
      try {
        List<String> out = new ArrayList<>();
        CountDownLatch twoChecks = new CountDownLatch(2);
        CompletableFuture<Void> lines =
            CompletableFuture.runAsync(
                () -> {
                  try (BufferedReader r =
                      new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                      synchronized (out) {
                        out.add(line);
                      }
                      if (line.contains("NO_FAULT_FOUND")) {
                        twoChecks.countDown();
                      }
                    }
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
        CompletableFuture<String> err =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return new String(p.getErrorStream().readAllBytes(), UTF_8);
                  } catch (java.io.IOException e) {
                    return e.toString();
                  }
                });
        assertTrue(twoChecks.await(90, TimeUnit.SECONDS), "two checks never came: " + out);
        assertEquals(
            0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running after Ctrl-C: " + out);
        lines.get(10, TimeUnit.SECONDS);
        String all = String.join("\n", out);
        assertEquals("", err.get(10, TimeUnit.SECONDS), all);
        assertEquals(ExitCode.NO_FAULT, p.exitValue(), all);
        assertTrue(all.contains("Stopped after ") && all.contains("By hour of the day"), all);
        assertTrue(all.contains("No problems found"), all);
        assertTrue(Files.readAllLines(history).size() >= 2, all);
      } finally {
        p.destroyForcibly();
      }
    }
  }
}
