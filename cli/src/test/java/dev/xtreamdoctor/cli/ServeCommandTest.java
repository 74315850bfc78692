package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code serve} refuses to start open to anyone: without tokens it says so in one line. */
class ServeCommandTest {
  @Test
  void withoutTokensServeDoesNotStart() {
    CliRun r = CliRun.run("serve", "--port", "0");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("doctor.serve.tokens"), r.toString());
    assertEquals(1, r.err().strip().lines().count(), r.toString());
  }

  @Test
  void serveIsListedInHelp() {
    CliRun r = CliRun.run("--help");
    assertTrue(r.out().contains("serve"), r.toString());
  }
}
