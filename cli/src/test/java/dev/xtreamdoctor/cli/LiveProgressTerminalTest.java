package dev.xtreamdoctor.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xtreamdoctor.simulator.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diagnose} in a JVM of its own, as a person runs it: under a real pseudo-terminal
 * (util-linux {@code script}, in Debian's essential bsdutils) against a panel that answers only
 * after 4 seconds, the layer lines and the spinner come while the probes work, before the verdict;
 * piped, there is no progress at all and the first line is the verdict.
 */
class LiveProgressTerminalTest {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  /** The spinner on the login step: its name, an ellipsis, the seconds so far. */
  private static final Pattern SPINNER = Pattern.compile("Login(…|\\.\\.\\.) (\\d+\\.\\d) s");

  @TempDir Path dir;

  @Test
  void underATerminalTheLayersAndASpinnerComeBeforeTheVerdict() throws Exception {
    assumeTrue(
        Files.isExecutable(SCRIPT) || System.getenv("CI") != null,
        "no util-linux script here to make a pseudo-terminal");
    try (Simulation sim = Simulation.start("slow")) {
      List<String> command =
          new ArrayList<>(List.of(SCRIPT.toString(), "-qfec", shell(diagnose(sim)), "/dev/null"));
      Run run = run(command, sim);
      String screen = run.out().replace("\r\n", "\n");
      assertEquals(ExitCode.NO_FAULT, run.exit(), screen);
      // Colour off, the line erasing kept: what a person sees, in order.
      String seen = screen.replaceAll("\u001b\\[[0-9;]*m", "");
      int dns = seen.indexOf("• DNS (panel.example.test → 127.0.0.1)");
      int login = seen.indexOf("• Login (the panel accepted the username and password)");
      int verdict = seen.indexOf("No problems found");
      assertTrue(
          dns >= 0 && login > dns && verdict > login, "layer lines, then the verdict:\n" + screen);
      Matcher spinner = SPINNER.matcher(seen);
      double longest = 0;
      while (spinner.find()) {
        assertTrue(
            spinner.start() > dns && spinner.start() < login,
            "the login's spinner runs before its line:\n" + screen);
        longest = Math.max(longest, Double.parseDouble(spinner.group(2)));
      }
      // The panel takes 4 s to answer: the spinner counted the seconds while it waited.
      assertTrue(longest >= 3.0, "the spinner counted up to " + longest + " s:\n" + screen);
      screen = seen;
      assertTrue(screen.indexOf("\r\u001b[K") < verdict, "the spinner line was erased:\n" + screen);
      assertFalse(
          screen.substring(verdict).contains("\r\u001b[K"),
          "nothing of the progress after the verdict");
      assertFalse(screen.contains(sim.password()), "the password never shows");
    }
  }

  @Test
  void pipedThereIsNoProgressAndTheFirstLineIsTheVerdict() throws Exception {
    try (Simulation sim = Simulation.start("slow")) {
      Run run = run(diagnose(sim), sim);
      assertEquals(ExitCode.NO_FAULT, run.exit(), run.out() + run.err());
      String first = run.out().lines().findFirst().orElse("");
      assertTrue(
          first.contains("No problems found"), "the first line is the verdict: " + run.out());
      assertFalse(run.out().contains("\u001b["), run.out());
      assertEquals("", run.err(), "no progress on stderr when it is no terminal");
    }
  }

  private List<String> diagnose(Simulation sim) throws IOException {
    Path config = dir.resolve("doctor.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "doctor.dns.system-resolvers=" + sim.systemResolvers(),
            "doctor.dns.public-resolvers=" + sim.publicResolvers(),
            "doctor.timeout.read-ms=15000",
            "doctor.timeout.total-ms=30000",
            "doctor.latency.samples=1",
            "doctor.cache.enabled=false",
            ""));
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1",
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(),
        "diagnose",
        "--config",
        config.toString(),
        "--server",
        sim.serverUrl(),
        "--username",
        sim.username());
  }

  /** The command as one line for {@code sh -c}, every word single-quoted. */
  private static String shell(List<String> words) {
    return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
  }

  private record Run(int exit, String out, String err) {}

  private Run run(List<String> command, Simulation sim) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put(LineOptions.PASSWORD_ENV, sim.password());
    pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.environment().put("TERM", "xterm");
    pb.environment().remove("NO_COLOR");
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "diagnose did not end");
    return new Run(p.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
  }

  private static CompletableFuture<String> read(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), UTF_8);
          } catch (IOException e) {
            throw new RuntimeException(e);
          }
        });
  }
}
