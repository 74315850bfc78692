package dev.xtreamdoctor.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.RuleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
          " 4   the check could not complete",
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
    XtreamDoctorCommand.COMMANDS.forEach(
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
        XtreamDoctorCommand.commandLine(terminal, "evaluate", "--help").getSubcommands().keySet());
    assertEquals(
        XtreamDoctorCommand.COMMANDS.keySet(),
        XtreamDoctorCommand.commandLine(terminal, "evalute").getSubcommands().keySet());
    assertEquals(
        java.util.Set.of(),
        XtreamDoctorCommand.commandLine(terminal, "--version").getSubcommands().keySet());
    assertTrue(XtreamDoctorCommand.runsACommand("evaluate", "--facts", "x.json"));
    assertFalse(XtreamDoctorCommand.runsACommand("evaluate", "--help"));
    assertFalse(XtreamDoctorCommand.runsACommand("--version"));
    assertFalse(XtreamDoctorCommand.runsACommand("evalute"));
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

  @Test
  void helpCommandShowsTheRootOrTheNamedCommand() {
    CliRun root = CliRun.run("help");
    assertEquals(0, root.exitCode(), root.toString());
    assertTrue(root.out().startsWith("Usage: xtream-doctor [-hV] [COMMAND]"), root.toString());
    for (String name : XtreamDoctorCommand.COMMANDS.keySet()) {
      CliRun r = CliRun.run("help", name);
      assertEquals(0, r.exitCode(), r.toString());
      assertTrue(r.out().contains("Usage: xtream-doctor " + name + " "), r.toString());
    }
    CliRun check = CliRun.run("help", "rules", "check");
    assertTrue(check.out().startsWith("Usage: xtream-doctor rules check"), check.toString());
    assertFalse(XtreamDoctorCommand.runsACommand("help", "diagnose"));
    CliRun unknown = CliRun.run("help", "diagnos");
    assertEquals(2, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().startsWith("xtream-doctor: "), unknown.toString());
    assertEquals(1, unknown.err().lines().count(), unknown.toString());
  }

  @Test
  void everyCommandPrintsTheVersionAndTheRulesFingerprint() throws Exception {
    String bundled = "rules " + RuleFiles.bundled().fingerprint() + " (bundled)";
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of());
    XtreamDoctorCommand.COMMANDS.keySet().stream()
        .filter(name -> !name.equals("help"))
        .forEach(name -> commands.add(List.of(name)));
    commands.add(List.of("rules", "check"));
    commands.add(List.of("rules", "test"));
    for (List<String> command : commands) {
      for (String flag : List.of("-V", "--version")) {
        List<String> args = new ArrayList<>(command);
        args.add(flag);
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), args + ": " + r);
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), args + ": " + r);
        assertTrue(lines.get(0).startsWith("xtream-doctor "), args + ": " + r);
        assertEquals(bundled, lines.get(1), args + ": " + r);
        assertTrue(lines.get(2).startsWith("Java " + Runtime.version()), args + ": " + r);
      }
    }
  }

  @Test
  void versionNamesTheRulesTheCommandWouldUse(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    Files.writeString(rules.resolve("only.drl"), "package mine;\n");
    String mine = "rules " + RuleFiles.fromDirectory(rules).fingerprint() + " (" + rules + ")";
    assertEquals(
        mine,
        CliRun.run("evaluate", "--rules", rules.toString(), "-V").out().lines().toList().get(1));
    assertEquals(
        mine, CliRun.run("rules", "check", rules.toString(), "-V").out().lines().toList().get(1));
    Path config = dir.resolve("doctor.properties");
    Files.writeString(config, "doctor.rules.dir=" + rules.toString().replace("\\", "/") + "\n");
    assertEquals(
        mine,
        CliRun.run("diagnose", "--config", config.toString(), "-V").out().lines().toList().get(1));
    CliRun missing = CliRun.run("demo", "--rules", dir.resolve("nowhere").toString(), "-V");
    assertEquals(0, missing.exitCode(), missing.toString());
    assertTrue(missing.out().contains("rules: "), missing.toString());
    assertTrue(missing.out().contains("no such rules directory"), missing.toString());
  }

  @Test
  void helpIsColouredUnlessNoColorHasAValue() {
    Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    environments.put("coloured by default", Map.of());
    environments.put("coloured: an empty NO_COLOR does not count", Map.of("NO_COLOR", ""));
    environments.put("plain: NO_COLOR has a value", Map.of("NO_COLOR", "1"));
    environments.put("plain: TERM=dumb", Map.of("TERM", "dumb"));
    environments.forEach(
        (expected, env) -> {
          Terminal terminal = new Terminal(CliRun.stdin(""), env, true, UTF_8);
          CliRun r = CliRun.run(terminal, "--help");
          boolean coloured = expected.startsWith("coloured");
          assertEquals(coloured, r.out().contains("\u001b["), expected + ": " + r);
          CliRun sub = CliRun.run(terminal, "help", "demo");
          assertEquals(coloured, sub.out().contains("\u001b["), expected + ": " + sub);
        });
    Terminal piped = new Terminal(CliRun.stdin(""), Map.of(), false, UTF_8);
    assertFalse(CliRun.run(piped, "--help").out().contains("\u001b["));
  }
}
