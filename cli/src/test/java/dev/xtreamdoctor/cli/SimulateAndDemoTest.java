package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.simulator.Scenarios;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code simulate} prints what a person needs; {@code demo} shows every chapter of the guide. */
class SimulateAndDemoTest {
  @Test
  void simulatePrintsEverythingNeededToDiagnoseIt() {
    long start = System.nanoTime();
    CliRun r = CliRun.run("simulate", "--scenario", "expired-xc2", "--for", "1");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
    assertTrue(millis >= 1000 && millis < 10_000, "ran " + millis + " ms");
    String out = r.out();
    assertTrue(
        Pattern.compile("Server URL: http://panel\\.example\\.test:\\d+\\n").matcher(out).find(),
        out);
    assertTrue(out.contains("Username:   " + Scenarios.USERNAME + "\n"), out);
    assertTrue(out.contains("Password:   " + Scenarios.PASSWORD + "\n"), out);
    Matcher line =
        Pattern.compile(
                "DOCTOR_DNS_SYSTEM_RESOLVERS=127\\.0\\.0\\.1:\\d+ DOCTOR_DNS_PUBLIC_RESOLVERS=127\\.0\\.0\\.1:\\d+"
                    + " \\./xtream-doctor diagnose --server http://panel\\.example\\.test:\\d+"
                    + " --username demo --password "
                    + Pattern.quote(Scenarios.PASSWORD)
                    + "\\n")
            .matcher(out);
    assertTrue(line.find(), out);
    assertTrue(out.endsWith("Stopped.\n"), out);
  }

  @Test
  void simulateLists() {
    CliRun r = CliRun.run("simulate", "--list");
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
    for (String name : Scenarios.names()) {
      assertTrue(r.out().contains(name + " "), name + " missing:\n" + r.out());
    }
  }

  @Test
  void simulateRefusesAnUnknownScenarioInOneLine() {
    CliRun r = CliRun.run("simulate", "--scenario", "nope", "--for", "1");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().startsWith("xtream-doctor: unknown scenario 'nope'"), r.toString());
  }

  @Test
  void simulateRefusesScenarioAndFileTogether() {
    CliRun r = CliRun.run("simulate", "--scenario", "hang", "--config", "x.properties");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
  }

  @Test
  void demoShowsEveryChapterAndExitsZero() {
    long start = System.nanoTime();
    CliRun r = CliRun.run("demo", "--no-color");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
    String[][] chapters = {
      {"A healthy line", "No problems found."},
      {"Invalid Details", "Found a problem: Invalid Details"},
      {"Login Failed", "Found a problem: Login Failed"},
      {"Authorization Failed", "Found a problem: Authorization Failed"},
      {"Connection Timeout", "Found a problem: Connection Timeout"},
      {"Host Not Found", "Found a problem: Host Not Found"},
    };
    int from = 0;
    for (String[] chapter : chapters) {
      int heading = r.out().indexOf("=== " + chapter[0] + " (scenario ", from);
      assertTrue(heading >= from, chapter[0] + " missing or out of order:\n" + r.out());
      int verdict = r.out().indexOf(chapter[1], heading);
      assertTrue(verdict > heading, chapter[1] + " missing:\n" + r.out());
      from = verdict;
    }
    assertTrue(r.out().contains("Simulated: "), r.out());
    // quick: a few seconds of probing; the bound is generous for a loaded build machine
    assertTrue(millis < 30_000, "demo took " + millis + " ms");
  }

  @Test
  void demoSpeaksTheChosenLanguageBannersAndEvidenceIncluded() {
    CliRun r = CliRun.run("demo", "--no-color", "--lang", "es");
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
    for (String heading :
        List.of(
            "=== Una línea que funciona (escenario healthy-xc2) ===",
            "=== Datos no válidos (escenario bad-credentials-xc2) ===",
            "=== Servidor no encontrado (escenario name-nowhere) ===")) {
      assertTrue(r.out().contains(heading), heading + " missing:\n" + r.out());
    }
    assertTrue(r.out().contains("Simulado: "), r.out());
    assertTrue(r.out().contains("Todos los servidores de arriba"), r.out());
    // the evidence too: the panel's refusal, said in Spanish
    assertTrue(
        r.out().contains("El panel respondió que no conoce este nombre de usuario"), r.out());
    assertFalse(r.out().contains("Simulated: "), r.out());
  }

  @Test
  void demoInJsonPrintsOneDocumentPerScenario() {
    CliRun r = CliRun.run("demo", "--format", "json");
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals(DemoCommand.TOUR.size(), lines.size(), r.out());
    for (int i = 0; i < lines.size(); i++) {
      DemoCommand.Stop stop = DemoCommand.TOUR.get(i);
      JsonObject line = Json.createReader(new StringReader(lines.get(i))).readObject();
      assertEquals(stop.chapter(), line.getString("chapter"), lines.get(i));
      assertEquals(stop.scenario(), line.getString("scenario"), lines.get(i));
      assertEquals(Scenarios.get(stop.scenario()).description(), line.getString("simulated"));
      assertEquals(stop.category(), line.getString("expectedCategory"), lines.get(i));
      assertTrue(line.getBoolean("asExpected"), lines.get(i));
      JsonObject diagnosis = line.getJsonObject("diagnosis");
      assertEquals(stop.category(), diagnosis.getString("category"), lines.get(i));
      assertFalse(diagnosis.getJsonArray("facts").isEmpty(), lines.get(i));
      assertFalse(lines.get(i).contains(Scenarios.PASSWORD), lines.get(i));
    }
  }
}
