package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static java.nio.charset.StandardCharsets.UTF_8;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

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
  void everyCommandIsListedUnderItsOwnName() {
    CliRun r = CliRun.run("--help");
    XtreamDoctor.COMMANDS.forEach(
        (name, type) -> {
          assertEquals(name, type.getAnnotation(Command.class).name(), type.getName());
          assertTrue(r.out().contains("\n  " + name + " "), name + " in\n" + r);
        });
  }

  @Test
  void aNamedCommandIsTheOnlyOneBuiltAndAnUnknownOneStillGetsSuggestions() {
    Terminal terminal = new Terminal(CliRun.stdin(""), java.util.Map.of(), false, UTF_8);
    assertEquals(
        java.util.Set.of("evaluate"),
        XtreamDoctor.commandLine(terminal, "evaluate", "--help").getSubcommands().keySet());
    assertEquals(
        XtreamDoctor.COMMANDS.keySet(),
        XtreamDoctor.commandLine(terminal, "evalute").getSubcommands().keySet());
    assertEquals(
        java.util.Set.of(), XtreamDoctor.commandLine(terminal, "--version").getSubcommands().keySet());
    assertTrue(XtreamDoctor.runsACommand("evaluate", "--facts", "x.json"));
    assertFalse(XtreamDoctor.runsACommand("evaluate", "--help"));
    assertFalse(XtreamDoctor.runsACommand("--version"));
    assertFalse(XtreamDoctor.runsACommand("evalute"));
    CliRun r = CliRun.run("evalute", "--facts", "x.json");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.err().contains("did you mean evaluate"), r.toString());
  }

  @Test
  void version() {
    CliRun r = CliRun.run("--version");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("xtream-doctor "), r.toString());
  }
}
