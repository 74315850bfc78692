package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.watch.CheckRecord;
import dev.xtreamdoctor.engine.watch.HistoryJson;
import dev.xtreamdoctor.simulator.Account;
import dev.xtreamdoctor.simulator.ScenarioSpec;
import dev.xtreamdoctor.simulator.Scenarios;
import dev.xtreamdoctor.simulator.SimClock;
import dev.xtreamdoctor.simulator.Simulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code watch} against a simulated panel that is overloaded in the evening, and its history. */
class WatchCommandTest {
  @TempDir Path dir;

  @BeforeAll
  static void loadRulesOnce() {
    CliRun.run("evaluate", "--facts", EvaluateCommandTest.ACCEPTED);
  }

  /** One run of the command line with this clock for the time. */
  static CliRun run(Clock clock, String... args) {
    CommandLine cmd =
        XtreamDoctorCommand.commandLine(
            new Terminal(CliRun.stdin(""), Map.of(), false, StandardCharsets.UTF_8), args);
    ((XtreamDoctorCommand) cmd.getCommand()).clock(clock);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  private Path config(Simulation sim) throws IOException {
    Path file = dir.resolve("doctor.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "doctor.dns.system-resolvers=" + sim.systemResolvers(),
            "doctor.dns.public-resolvers=" + sim.publicResolvers(),
            "doctor.timeout.dns-ms=1000",
            "doctor.timeout.connect-ms=1000",
            "doctor.timeout.read-ms=400",
            "doctor.timeout.total-ms=3000",
            "doctor.latency.samples=1",
            "doctor.cache.enabled=false",
            "doctor.watch.min-interval=1s",
            ""));
    return file;
  }

  @Test
  void anEveningOfChecksInFiveSecondsConcludesOverloadAtPeakHoursAndKeepsThePasswordOut()
      throws Exception {
    // A second is an hour: five checks a second apart run from about 16:00 to 20:00, local time
    SimClock clock =
        SimClock.startingAt(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.ofHours(1), 3600);
    ScenarioSpec spec =
        Scenarios.get("peak-hours").toBuilder()
            .account(Account.active("demo", DiagnoseCommandTest.CANARY))
            .build();
    Path history = dir.resolve("evening.jsonl");
    Path report = dir.resolve("evening.html");
    Path password = dir.resolve("password");
    Files.writeString(password, DiagnoseCommandTest.CANARY + "\n");
    try (Simulation sim = Simulation.start(spec, clock)) {
      CliRun r =
          run(
              clock,
              "watch",
              "--config",
              config(sim).toString(),
              "--server",
              sim.serverUrl(),
              "--username",
              "demo",
              "--password-file",
              password.toString(),
              "--every",
              "1s",
              "--count",
              "5",
              "--history",
              history.toString(),
              "--report",
              report.toString());
      List<CheckRecord> checks = HistoryJson.read(history);
      assertEquals(5, checks.size(), r.toString());
      assertEquals(5, Files.readAllLines(history).size());
      assertTrue(checks.get(0).working(), r.toString()); // the afternoon works
      assertEquals(
          "CONNECTION_TIMEOUT", checks.get(4).category(), r.toString()); // the evening does not
      assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
      assertTrue(r.out().contains("The server is overloaded at peak hours (18:00–"), r.toString());
      assertTrue(r.out().contains("By hour of the day"), r.toString());
      assertTrue(
          r.out().contains("Peak 19:00–19:59: 1 of 1 checks ended CONNECTION_TIMEOUT"),
          r.toString());
      String page = Files.readString(report);
      assertTrue(
          page.contains("<svg") && page.contains("PEAK_HOUR_OVERLOAD")
              || page.contains("overloaded at peak hours"),
          page);
      assertFalse(
          page.contains("<script") || page.contains("http://") && page.contains("src="),
          "self-contained");
      for (String form : Redactor.textForms(DiagnoseCommandTest.CANARY)) {
        for (String where : List.of(r.out(), r.err(), Files.readString(history), page)) {
          assertFalse(where.contains(form), "password form " + form + " in:\n" + where);
        }
      }
      DiagnoseCommandTest.assertNoTrace(r, DiagnoseCommandTest.CANARY);
    }
  }

  @Test
  void summaryReadsAHistoryWithoutProbingAndEvaluateTakesOneToo() throws IOException {
    Path report = dir.resolve("r.html");
    CliRun r =
        CliRun.run(
            "watch",
            "--history",
            "../examples/histories/peak-hour-overload.jsonl",
            "--summary",
            "--report",
            report.toString());
    assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
    assertTrue(r.out().contains("19:00       4       0  CONNECTION_TIMEOUT 4"), r.out());
    assertTrue(
        r.out().contains("[✗] Over time (44 checks, 2026-03-02 16:00 → 2026-03-03 11:45)"),
        r.out());
    assertTrue(Files.readString(report).contains("</svg>"));
    CliRun e =
        CliRun.run(
            "evaluate",
            "--history",
            "../examples/histories/expired-during-watch.jsonl",
            "--format",
            "json");
    assertEquals(ExitCode.FAULT, e.exitCode(), e.toString());
    assertTrue(e.out().contains("\"EXPIRED_DURING_WATCH\""), e.out());
  }

  @Test
  void theSummaryTableAndItsEvidenceSpeakTheChosenLanguage() {
    CliRun r =
        CliRun.run(
            "watch",
            "--history",
            "../examples/histories/peak-hour-overload.jsonl",
            "--summary",
            "--lang",
            "de",
            "--no-color");
    assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
    assertTrue(r.out().contains("Nach Tageszeit (Ortszeit, "), r.out());
    assertTrue(r.out().contains("Fehler nach Kategorie"), r.out());
    assertTrue(r.out().contains("44 Prüfungen von 2026-03-02 16:00 bis "), r.out());
    assertTrue(r.out().contains("Stoßzeit 19:00–19:59: "), r.out());
    assertFalse(r.out().contains("By hour of the day"), r.out());
  }

  @Test
  void badUseIsOneClearLine() {
    CliRun tooOften =
        CliRun.run("watch", "--server", "http://panel.example.com:8080", "--every", "10s");
    assertEquals(ExitCode.USAGE, tooOften.exitCode(), tooOften.toString());
    assertTrue(
        tooOften.err().contains("less than doctor.watch.min-interval (1m)"), tooOften.toString());
    CliRun both =
        CliRun.run("watch", "--server", "http://p.example:80", "--for", "1h", "--count", "3");
    assertTrue(both.err().contains("give --for or --count, not both"), both.toString());
    CliRun notADuration = CliRun.run("watch", "--server", "http://p.example:80", "--every", "soon");
    assertTrue(notADuration.err().contains("\"soon\" is not a duration"), notADuration.toString());
    CliRun summaryWithoutHistory = CliRun.run("watch", "--summary");
    assertTrue(
        summaryWithoutHistory.err().contains("--summary needs --history FILE"),
        summaryWithoutHistory.toString());
    CliRun noServer = CliRun.run("watch", "--every", "5m");
    assertTrue(
        noServer.err().contains("Missing required option: '--server=URL'"), noServer.toString());
  }
}
