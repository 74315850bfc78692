package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xtreamdoctor.simulator.Simulation;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the password and username come from, and what happens when those sources are hostile or
 * broken: bounded reads, a byte-order mark stripped, a closed standard input refused, and input
 * longer than 2,048 characters refused before anything reaches the panel.
 */
class CredentialSourcesTest {
  static Simulation sim;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start("healthy-xc2");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  CliRun diagnose(Terminal t, String... more) throws Exception {
    Path config = dir.resolve("doctor.properties");
    Files.writeString(
        config,
        "doctor.dns.system-resolvers="
            + sim.systemResolvers()
            + "\ndoctor.dns.public-resolvers="
            + sim.publicResolvers()
            + "\ndoctor.latency.samples=1\n"
            + "doctor.cache.enabled=false\n");
    List<String> args =
        new ArrayList<>(
            List.of("diagnose", "--config", config.toString(), "--server", sim.serverUrl()));
    args.addAll(List.of(more));
    return CliRun.run(t, args.toArray(String[]::new));
  }

  static Terminal stdin(InputStream in) {
    return new Terminal(in, Map.of(), false, StandardCharsets.UTF_8);
  }

  static void assertRefused(CliRun r, String expected) {
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().contains(expected), r.toString());
  }

  @Test
  void aByteOrderMarkIsNotPartOfThePassword() throws Exception {
    Path file = dir.resolve("password.txt");
    Files.write(file, ("\uFEFF" + sim.password() + "\r\n").getBytes(StandardCharsets.UTF_8));
    CliRun r =
        diagnose(
            stdin(CliRun.stdin("")),
            "--username",
            sim.username(),
            "--password-file",
            file.toString());
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
  }

  @Test
  void aClosedStandardInputIsAnError() throws Exception {
    int before = sim.requests().size();
    CliRun r =
        diagnose(
            stdin(InputStream.nullInputStream()), "--username", sim.username(), "--password-stdin");
    assertRefused(r, "--password-stdin: standard input is closed or empty");
    assertEquals(before, sim.requests().size(), "nothing was sent");
  }

  @Test
  void anEndlessPasswordSourceIsReadOnlyUpToTheLimit() throws Exception {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'p';
          }
        };
    long t0 = System.nanoTime();
    CliRun r = diagnose(stdin(endless), "--username", sim.username(), "--password-stdin");
    assertRefused(r, "--password-stdin: the first line is longer than 2048 characters");
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "bounded, not read to the end");
  }

  @Test
  void devZeroAndHugeFilesAreRefusedQuickly() throws Exception {
    Path dev = Path.of("/dev/zero");
    assumeTrue(Files.isReadable(dev));
    assertRefused(
        diagnose(
            stdin(CliRun.stdin("")),
            "--username",
            sim.username(),
            "--password-file",
            dev.toString()),
        "/dev/zero: holds a NUL character");
    Path big = dir.resolve("film.bin");
    Files.write(big, "x".repeat(20 << 20).getBytes(StandardCharsets.US_ASCII));
    long t0 = System.nanoTime();
    assertRefused(
        diagnose(
            stdin(CliRun.stdin("")),
            "--username",
            sim.username(),
            "--password-file",
            big.toString()),
        "film.bin: the first line is longer than 2048 characters");
    assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
  }

  @Test
  void overLongCredentialsAreNeverSent() throws Exception {
    int before = sim.requests().size();
    String longName = "u".repeat(100_000);
    assertRefused(
        diagnose(stdin(CliRun.stdin("")), "--username", longName, "--password", "pw"),
        "--username: longer than 2048 characters");
    assertRefused(
        diagnose(stdin(CliRun.stdin("")), "--username", "u", "--password", "p".repeat(2049)),
        "--password: longer than 2048 characters");
    assertRefused(
        diagnose(
            new Terminal(
                CliRun.stdin(""),
                Map.of(DiagnoseCommand.PASSWORD_ENV, "p".repeat(5000)),
                false,
                StandardCharsets.UTF_8),
            "--username",
            "u"),
        DiagnoseCommand.PASSWORD_ENV + ": longer than 2048");
    CliRun longServer =
        CliRun.run("diagnose", "--server", "http://x.test/" + "a".repeat(3000), "--username", "u");
    assertRefused(longServer, "--server: longer than 2048 characters");
    assertEquals(before, sim.requests().size(), "nothing was sent");
    assertFalse(longServer.err().contains("aaaa"));
  }
}
