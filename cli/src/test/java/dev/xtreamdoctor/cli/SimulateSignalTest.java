package dev.xtreamdoctor.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code simulate} in a real process, stopped by a real signal: it closes the simulation, says so,
 * and exits with the code its help gives for a stop (0), with nothing on stderr.
 */
@DisabledOnOs(OS.WINDOWS)
class SimulateSignalTest {
  @TempDir Path cache;

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalStopsTheSimulationWithExitCodeZero(String signal) throws Exception {
    Process p = simulate();
    try {
      CompletableFuture<String> err = stderr(p);
      List<String> out = new ArrayList<>();
      CountDownLatch running = new CountDownLatch(1);
      CompletableFuture<Void> lines =
          CompletableFuture.runAsync(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    synchronized (out) {
                      out.add(line);
                    }
                    if (line.startsWith("Running")) {
                      running.countDown();
                    }
                  }
                } catch (IOException e) {
                  throw new RuntimeException(e);
                }
              });
      assertTrue(running.await(60, TimeUnit.SECONDS), "never ran: " + out + err.getNow(""));
      kill(p, signal);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running after SIG" + signal);
      lines.get(10, TimeUnit.SECONDS);
      assertEquals("", err.get(10, TimeUnit.SECONDS), "stderr after SIG" + signal);
      assertEquals(ExitCode.NO_FAULT, p.exitValue(), "exit code after SIG" + signal + ": " + out);
      assertEquals("Stopped.", out.get(out.size() - 1), String.join("\n", out));
      assertTrue(
          SimulateCommand.class
              .getAnnotation(picocli.CommandLine.Command.class)
              .exitCodeList()[0]
              .contains("Ctrl-C, SIGTERM"),
          "the help states the code a signal gives");
    } finally {
      p.destroyForcibly();
    }
  }

  /**
   * The command in a JVM of its own, as the launcher runs it. A shell that starts a job in the
   * background without job control makes it ignore SIGINT, and the JVM keeps an ignored SIGINT
   * ignored: where perl is at hand (Debian's perl-base is essential), it restores the defaults.
   */
  private Process simulate() throws IOException {
    List<String> command = new ArrayList<>();
    Path perl = Path.of("/usr/bin/perl");
    if (Files.isExecutable(perl)) {
      command.addAll(
          List.of(perl.toString(), "-e", "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec @ARGV or die"));
    }
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "simulate",
            "--scenario",
            "expired-xc2"));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    return pb.start();
  }

  private static void kill(Process p, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
    assertEquals(0, kill.waitFor(), "kill -" + signal);
  }

  private static CompletableFuture<String> stderr(Process p) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(p.getErrorStream().readAllBytes(), UTF_8);
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
  }
}
