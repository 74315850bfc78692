package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.simulator.Account;
import dev.xtreamdoctor.simulator.PanelFamily;
import dev.xtreamdoctor.simulator.ScenarioSpec;
import dev.xtreamdoctor.simulator.Simulation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code diagnose} against the simulator on loopback, configured as a user would configure it. */
class DiagnoseCommandTest {
  /** A password with every character that encodings change. */
  static final String CANARY = "Can4ry+p w/\"q\\&%=?é";

  @TempDir Path dir;

  @BeforeAll
  static void loadRulesOnce() {
    // The rules are compiled once per JVM: do it here so timed tests time the diagnosis only.
    CliRun.run("evaluate", "--facts", EvaluateCommandTest.ACCEPTED);
  }

  /** A config file for this simulation: its resolvers and short timeouts, as doctor.* keys. */
  Path config(Simulation sim, int totalMs, int readMs) throws IOException {
    Path file = dir.resolve("doctor-" + System.nanoTime() + ".properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "doctor.dns.system-resolvers=" + sim.systemResolvers(),
            "doctor.dns.public-resolvers=" + sim.publicResolvers(),
            "doctor.timeout.dns-ms=1000",
            "doctor.timeout.connect-ms=1000",
            "doctor.timeout.read-ms=" + readMs,
            "doctor.timeout.total-ms=" + totalMs,
            "doctor.latency.samples=2",
            "doctor.cache.enabled=false",
            ""));
    return file;
  }

  Path config(Simulation sim) throws IOException {
    return config(sim, 8000, 3000);
  }

  CliRun diagnose(Simulation sim, String... more) throws IOException {
    return diagnose(terminal(Map.of(), ""), sim, more);
  }

  CliRun diagnose(Terminal terminal, Simulation sim, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "diagnose",
                "--config",
                config(sim).toString(),
                "--server",
                sim.serverUrl(),
                "--username",
                sim.username()));
    args.addAll(List.of(more));
    return CliRun.run(terminal, args.toArray(String[]::new));
  }

  static Terminal terminal(Map<String, String> env, String stdin) {
    return new Terminal(CliRun.stdin(stdin), env, false, StandardCharsets.UTF_8);
  }

  static JsonObject json(CliRun r) {
    return Json.createReader(new StringReader(r.out())).readObject();
  }

  static String cause(JsonObject o) {
    return o.getJsonArray("causes").getJsonObject(0).getString("id");
  }

  @Test
  void aHealthyPanelIsNoFault() throws IOException {
    try (Simulation sim = Simulation.start("healthy-xc2")) {
      CliRun r = diagnose(sim, "--password", sim.password(), "--format", "json");
      assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
      assertEquals("NO_FAULT_FOUND", json(r).getString("category"));
      assertEquals(1, sim.panel().requests().stream().filter(q -> q.hadPassword()).count());
    }
  }

  @Test
  void aWrongPasswordIsAFaultInEveryFormat() throws IOException {
    try (Simulation sim = Simulation.start("bad-credentials-xc2")) {
      CliRun text = diagnose(sim, "--password", sim.password(), "--no-color");
      assertEquals(ExitCode.FAULT, text.exitCode(), text.toString());
      assertTrue(text.out().contains("Found a problem: Invalid Details"), text.toString());
      CliRun json = diagnose(sim, "--password", sim.password(), "--format", "json");
      assertEquals(ExitCode.FAULT, json.exitCode(), json.toString());
      assertEquals("INVALID_DETAILS", json(json).getString("category"));
      assertEquals("CREDENTIALS_REJECTED", cause(json(json)));
      CliRun md = diagnose(sim, "--password", sim.password(), "--format", "markdown");
      assertEquals(ExitCode.FAULT, md.exitCode(), md.toString());
      assertTrue(md.out().contains("Invalid Details"), md.toString());
      assertTrue(md.out().startsWith("**Invalid Details**"), md.toString());
      for (CliRun r : List.of(text, json, md)) {
        assertNoTrace(r, sim.password());
      }
    }
  }

  @Test
  void theCanaryPasswordAppearsNowhere() throws IOException {
    ScenarioSpec spec =
        ScenarioSpec.builder("canary", PanelFamily.XC2)
            .account(Account.active("demo", "another-one"))
            .typed("demo", CANARY)
            .build();
    try (Simulation sim = Simulation.start(spec)) {
      for (String format : List.of("text", "json", "markdown")) {
        CliRun r = diagnose(sim, "--password", CANARY, "--format", format, "-v");
        assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
        assertNoTrace(r, CANARY);
      }
      // also pasted inside the server URL, where it is most likely to leak
      CliRun pasted =
          CliRun.run(
              "diagnose",
              "--config",
              config(sim).toString(),
              "--server",
              sim.serverUrl()
                  + "/get.php?username=demo&password="
                  + URLEncoder.encode(CANARY, StandardCharsets.UTF_8)
                  + "&type=m3u_plus",
              "--format",
              "json");
      assertEquals(ExitCode.FAULT, pasted.exitCode(), pasted.toString());
      assertNoTrace(pasted, CANARY);
    }
  }

  static void assertNoTrace(CliRun r, String password) {
    String url = URLEncoder.encode(password, StandardCharsets.UTF_8);
    String json = Json.createValue(password).toString();
    List<String> forms =
        List.of(
            password,
            url,
            url.replace("+", "%20"),
            json.substring(1, json.length() - 1),
            Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
    for (String form : forms) {
      assertFalse(r.out().contains(form), () -> "password form " + form + " in:\n" + r);
      assertFalse(r.err().contains(form), () -> "password form " + form + " in:\n" + r);
    }
  }

  @Test
  void passwordFromFileStdinOrEnvironment() throws IOException {
    try (Simulation sim = Simulation.start("healthy-xui")) {
      Path file = dir.resolve("password");
      Files.writeString(file, sim.password() + "\n");
      CliRun fromFile = diagnose(sim, "--password-file", file.toString());
      assertEquals(ExitCode.NO_FAULT, fromFile.exitCode(), fromFile.toString());
      CliRun fromStdin =
          diagnose(terminal(Map.of(), sim.password() + "\n"), sim, "--password-stdin");
      assertEquals(ExitCode.NO_FAULT, fromStdin.exitCode(), fromStdin.toString());
      CliRun fromEnv =
          diagnose(terminal(Map.of(DiagnoseCommand.PASSWORD_ENV, sim.password()), ""), sim);
      assertEquals(ExitCode.NO_FAULT, fromEnv.exitCode(), fromEnv.toString());
      // and a wrong one from the environment is used too, not ignored
      CliRun wrongEnv = diagnose(terminal(Map.of(DiagnoseCommand.PASSWORD_ENV, "nope"), ""), sim);
      assertEquals(ExitCode.FAULT, wrongEnv.exitCode(), wrongEnv.toString());
    }
  }

  @Test
  void symptomsReachTheRules() throws IOException {
    try (Simulation sim = Simulation.start("healthy-xc2")) {
      CliRun r =
          diagnose(
              sim,
              "--password",
              sim.password(),
              "--fails-at-peak-hours",
              "yes",
              "--app-message",
              "connection-timeout",
              "--vantage",
              "user-network",
              "--format",
              "json");
      assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
      assertEquals("PEAK_HOUR_FAILURES", cause(json(r)));
    }
  }

  /**
   * Whatever a hostile server sends, {@code diagnose} names it and exits non-zero, within its time
   * and without the password in any output (issue 13 item 2: bounded reading).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "hostile-endless-header-line, HEADER_LINE_TOO_LONG",
    "hostile-many-headers, TOO_MANY_HEADERS",
    "hostile-huge-body, ANSWER_TOO_LARGE",
    "hostile-endless-chunked, ANSWER_TOO_LARGE",
    "hostile-gzip-bomb, ANSWER_INFLATES_TOO_LARGE",
    "hostile-garbage, NOT_HTTP",
    "truncated-body, ANSWER_TRUNCATED",
  })
  void aHostileAnswerIsNamedAndExitsNonZero(String scenario, String expectedCause)
      throws IOException {
    try (Simulation sim = Simulation.start(scenario)) {
      long start = System.nanoTime();
      CliRun r = diagnose(sim, "--password", sim.password(), "--format", "json");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
      assertEquals(expectedCause, cause(json(r)), r.out());
      assertTrue(millis < 8000, scenario + " took " + millis + " ms");
      assertFalse((r.out() + r.err()).contains(sim.password()), r.toString());
    }
  }

  /** No fault seen and no working login either: exit 4, never 0. */
  @Test
  void aCheckThatCannotCompleteExitsFour() throws IOException {
    Path facts = dir.resolve("dns-only.json");
    Files.writeString(
        facts,
        "{\"facts\": [{\"type\": \"DnsAnswer\", \"resolverRole\": \"system\", \"resolver\": \"192.168.1.1:53\","
            + " \"host\": \"panel.example.com\", \"recordType\": \"A\", \"outcome\": \"dns.answered\","
            + " \"rcode\": \"NOERROR\", \"addresses\": [\"203.0.113.10\"], \"addressKinds\": [\"public\"]}]}");
    CliRun r = CliRun.run("evaluate", "--facts", facts.toString(), "--no-color");
    assertEquals(ExitCode.INCONCLUSIVE, r.exitCode(), r.toString());
    assertTrue(r.out().contains("? The check could not complete"), r.out());
  }

  @Test
  void aHangingServerIsDiagnosedWithinTheTotalTimeout() throws IOException {
    int totalMs = 2000;
    try (Simulation sim = Simulation.start("hang")) {
      // the read timeout alone would wait 30 s: only the total deadline can end this in time
      Path config = config(sim, totalMs, 30_000);
      long start = System.nanoTime();
      CliRun r =
          CliRun.run(
              "diagnose",
              "--config",
              config.toString(),
              "--server",
              sim.serverUrl(),
              "--username",
              sim.username(),
              "--password",
              sim.password(),
              "--format",
              "json");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
      assertEquals("CONNECTION_TIMEOUT", json(r).getString("category"));
      // goal: total-ms + 1 s; the extra 2 s is headroom for a loaded build machine
      assertTrue(millis < totalMs + 1000 + 2000, "took " + millis + " ms");
    }
  }

  @Test
  void badServerTextIsOneLineExitTwo() {
    CliRun r =
        CliRun.run(
            "diagnose",
            "--server",
            "ftp://secretpw@host/",
            "--username",
            "u",
            "--password",
            "secretpw");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(
        r.err().startsWith("xtream-doctor: --server: The server URL starts with \"ftp://\""),
        r.toString());
    assertFalse(r.err().contains("secretpw"), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
  }

  @Test
  void passwordGivenTwiceIsBadInput() throws IOException {
    Path file = dir.resolve("pw");
    Files.writeString(file, "x\n");
    CliRun r =
        CliRun.run(
            "diagnose",
            "--server",
            "http://panel.example.test:8080",
            "--username",
            "u",
            "--password",
            "secretpw",
            "--password-file",
            file.toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("one way only"), r.toString());
    assertFalse(r.err().contains("secretpw"), r.toString());
  }

  @Test
  void missingPasswordFileIsBadInput() {
    CliRun r =
        CliRun.run(
            "diagnose",
            "--server",
            "http://panel.example.test:8080",
            "--username",
            "u",
            "--password-file",
            dir.resolve("nope").toString());
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().contains("no such file"), r.toString());
  }

  @Test
  void unknownSymptomValueIsBadInput() {
    CliRun r =
        CliRun.run(
            "diagnose",
            "--server",
            "http://panel.example.test:8080",
            "--username",
            "u",
            "--password",
            "p",
            "--works-on-vpn",
            "maybe");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--works-on-vpn: 'maybe' is not one of yes, no"), r.toString());
  }

  @Test
  void brokenRulesExitThree() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(
        rules.resolve("broken.drl"),
        "package dev.xtreamdoctor.rules;\nrule \"x\" when then oops end\n");
    try (Simulation sim = Simulation.start("healthy-xc2")) {
      CliRun r = diagnose(sim, "--password", sim.password(), "--rules", rules.toString());
      assertEquals(ExitCode.RULES, r.exitCode(), r.toString());
    }
  }
}
