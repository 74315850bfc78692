package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpTest {
  @Test
  void helpListsCommandsOptionsAndExitCodes() {
    CliRun r = CliRun.run("--help");
    assertEquals(0, r.exitCode(), r.toString());
    for (String s :
        new String[] {
          "Usage: xtream-doctor",
          "evaluate",
          "rules",
          "Exit codes:",
          " 0   no fault found",
          " 1   a fault was diagnosed",
          " 2   bad input or usage",
          " 3   rules failed to load",
          "70   internal error"
        }) {
      assertTrue(r.out().contains(s), s + " in\n" + r);
    }
  }

  @Test
  void evaluateHelpListsTheSharedOptions() {
    CliRun r = CliRun.run("evaluate", "--help");
    assertEquals(0, r.exitCode(), r.toString());
    for (String s :
        new String[] {
          "--facts=FILE",
          "--format=FORMAT",
          "--rules=DIR",
          "--config=FILE",
          "--no-color",
          "--ascii",
          "-v, --verbose",
          "Exit codes:"
        }) {
      assertTrue(r.out().contains(s), s + " in\n" + r);
    }
  }

  @Test
  void version() {
    CliRun r = CliRun.run("--version");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("xtream-doctor "), r.toString());
  }
}
