package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Simulation;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /probe?line=NAME}: a line of the lines file, diagnosed, in the Prometheus text format.
 */
class ProbeResourceTest {
  @TempDir Path dir;

  private ProbeLines lines(Simulation sim, String password) throws Exception {
    Path pw = dir.resolve("line.password");
    Files.writeString(pw, password + "\n");
    Path file = dir.resolve("lines.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "line.sim.server = " + sim.serverUrl(),
            "line.sim.username = " + sim.username(),
            "line.sim.password-file = line.password",
            ""));
    return ProbeLines.load(file);
  }

  private static DoctorService start(Simulation sim, ServeSettings settings, ProbeLines lines)
      throws Exception {
    return DoctorService.start(
        settings,
        dev.xtreamdoctor.api.XtreamDoctor.builder()
            .ruleBook(Fixtures.rules())
            .probeSettings(Fixtures.probes(List.of(sim.systemResolvers()))),
        TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())),
        lines);
  }

  /** The value of the one sample of a metric (with these labels, if any) in a text exposition. */
  static Optional<Double> value(String text, String series) {
    return text.lines()
        .filter(l -> l.startsWith(series + " "))
        .findFirst()
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip()));
  }

  @Test
  void aWorkingLineIsOneSeriesSetEachAndThePasswordIsNowhere() throws Exception {
    Logger root = Logger.getLogger("");
    ServeCanaryTest.Capture capture = new ServeCanaryTest.Capture();
    Level before = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    Logger.getLogger("dev.xtreamdoctor").setLevel(Level.ALL);
    StringBuilder answers = new StringBuilder();
    try (Simulation sim = Simulation.start("healthy-xc2");
        DoctorService s = start(sim, Fixtures.settings(), lines(sim, sim.password()))) {
      HttpResponse<String> r = Fixtures.get(s, "/probe?line=sim", Fixtures.TOKEN);
      answers.append(r.body());
      assertEquals(200, r.statusCode(), r.body());
      String type = r.headers().firstValue("Content-Type").orElse("");
      assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4"), type);
      String m = r.body();
      assertEquals(Optional.of(1.0), value(m, "xtream_probe_success"), m);
      assertEquals(Optional.of(0.0), value(m, "xtream_probe_cached"), m);
      assertEquals(
          Optional.of(1.0),
          value(m, "xtream_diagnosis_info{category=\"NO_FAULT_FOUND\",cause=\"REMOTE_ALL_CLEAR\"}"),
          m);
      assertTrue(value(m, "xtream_probe_duration_seconds").orElseThrow() > 0, m);
      for (String phase : List.of("dns_system", "connect", "login")) {
        assertTrue(
            value(m, "xtream_probe_phase_duration_seconds{phase=\"" + phase + "\"}").isPresent(),
            phase + " in\n" + m);
      }
      assertTrue(
          value(m, "xtream_probe_phase_duration_seconds{phase=\"tls\"}").isEmpty(),
          "no TLS on http: no series\n" + m);
      assertEquals(Optional.of(2.0), value(m, "xtream_account_max_connections"), m);
      assertEquals(1, m.lines().filter(l -> l.startsWith("xtream_diagnosis_info{")).count(), m);
      // the token is the API's; a name must be in the lines file
      assertEquals(401, Fixtures.get(s, "/probe?line=sim", null).statusCode());
      assertEquals(404, Fixtures.get(s, "/probe?line=other", Fixtures.TOKEN).statusCode());
      assertEquals(400, Fixtures.get(s, "/probe", Fixtures.TOKEN).statusCode());
    } finally {
      root.removeHandler(capture);
      root.setLevel(before);
    }
    assertTrue(capture.text.toString().contains("GET /probe"), capture.text.toString());
  }

  @Test
  void anEchoingPanelLeaksThePasswordInNoAnswerAndNoLog() throws Exception {
    Logger root = Logger.getLogger("");
    ServeCanaryTest.Capture capture = new ServeCanaryTest.Capture();
    Level before = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    Logger.getLogger("dev.xtreamdoctor").setLevel(Level.ALL);
    String canary = "cnry+P w/&%\"é'<" + System.nanoTime() % 10000 + ">";
    String answers;
    try (Simulation sim = Simulation.start("hostile-echo");
        DoctorService s = start(sim, Fixtures.settings(), lines(sim, canary))) {
      HttpResponse<String> r = Fixtures.get(s, "/probe?line=sim", Fixtures.TOKEN);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(Optional.of(0.0), value(r.body(), "xtream_probe_success"), r.body());
      answers = r.body();
    } finally {
      root.removeHandler(capture);
      root.setLevel(before);
    }
    for (String form : ServeCanaryTest.spellings(canary)) {
      assertFalse(answers.contains(form), "spelling [" + form + "] in an answer:\n" + answers);
      assertFalse(capture.text.toString().contains(form), "spelling [" + form + "] in the log");
    }
  }

  @Test
  void aScrapeTheBudgetHasNoLoginForGetsTheLastResultMarkedCached() throws Exception {
    ServeSettings oneLogin =
        Fixtures.settings()
            .withPoliteness(
                new ServeSettings.Politeness(1, 600_000, 0, 30_000, 0, Optional.empty()));
    try (Simulation sim = Simulation.start("healthy-xc2");
        DoctorService s = start(sim, oneLogin, lines(sim, sim.password()))) {
      String first = Fixtures.get(s, "/probe?line=sim", Fixtures.TOKEN).body();
      assertEquals(Optional.of(0.0), value(first, "xtream_probe_cached"), first);
      HttpResponse<String> again = Fixtures.get(s, "/probe?line=sim", Fixtures.TOKEN);
      assertEquals(200, again.statusCode(), again.body());
      assertEquals(Optional.of(1.0), value(again.body(), "xtream_probe_cached"), again.body());
      assertEquals(
          value(first, "xtream_probe_observed_timestamp_seconds"),
          value(again.body(), "xtream_probe_observed_timestamp_seconds"));
      assertEquals(
          1,
          sim.requests().stream().filter(q -> q.path().endsWith("player_api.php")).count(),
          "one login in all");
    }
  }
}
