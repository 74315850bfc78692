package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Account;
import dev.xtreamdoctor.simulator.Scenarios;
import dev.xtreamdoctor.simulator.SimClock;
import dev.xtreamdoctor.simulator.Simulation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Prometheus files (deploy/prometheus) with a real Prometheus (Debian's package, which
 * .ci/run installs): promtool accepts them, and Prometheus, with the shipped scrape configuration
 * changed only in where serve listens, the token file and the interval, scrapes /probe of a
 * simulated line: first it works, then the line expires and the diagnosis says so; and it scrapes
 * the service's own /metrics, whose diagnoses counter its query API then returns.
 */
class PrometheusScrapeTest {
  private static final Path DEPLOY = Path.of("..", "deploy", "prometheus");
  private static final String PROMETHEUS = "/usr/bin/prometheus";
  private static final String PROMTOOL = "/usr/bin/promtool";

  @TempDir Path dir;

  /** Skipped only on a developer's machine without Prometheus; CI must run it. */
  private static void needs(String binary) {
    boolean present = Files.isExecutable(Path.of(binary));
    if (!present && System.getenv("CI") != null) {
      fail(binary + " is missing: .ci/run installs Debian's prometheus package");
    }
    Assumptions.assumeTrue(present, binary + " is not installed (apt-get install prometheus)");
  }

  private static String run(List<String> command, Path in) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool ends");
    assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
    return out;
  }

  @Test
  void promtoolAcceptsTheShippedRulesConfigurationAndDashboardQueries() throws Exception {
    needs(PROMTOOL);
    run(List.of(PROMTOOL, "check", "rules", "xtream-doctor.rules.yml"), DEPLOY);
    run(List.of(PROMTOOL, "check", "config", "--syntax-only", "prometheus.yml"), DEPLOY);
    // every query of the Grafana dashboard parses as PromQL and reads a metric /probe or the rules
    // make
    JsonObject dashboard =
        Json.createReader(
                new StringReader(Files.readString(DEPLOY.resolve("grafana-dashboard.json"))))
            .readObject();
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    int n = 0;
    for (JsonObject panel : dashboard.getJsonArray("panels").getValuesAs(JsonObject.class)) {
      for (JsonObject target : panel.getJsonArray("targets").getValuesAs(JsonObject.class)) {
        String expr = target.getString("expr").replace("$line", ".*");
        assertTrue(expr.matches("(?s).*\\b(xtream_\\w+|instance:xtream_\\w+)\\b.*"), expr);
        rules
            .append("      - record: dashboard:query")
            .append(++n)
            .append("\n        expr: ")
            .append(Json.createValue(expr))
            .append('\n');
      }
    }
    Files.writeString(dir.resolve("dashboard-queries.yml"), rules.toString());
    run(List.of(PROMTOOL, "check", "rules", "dashboard-queries.yml"), dir);
  }

  @Test
  void prometheusScrapesAWorkingLineThenSeesItExpire() throws Exception {
    needs(PROMETHEUS);
    SimClock clock = SimClock.startingAt(Instant.now(), ZoneOffset.UTC, 1);
    var spec =
        Scenarios.get("healthy-xc2").toBuilder()
            .account(
                Account.active("scraped", "Scr4pe-Pw+x")
                    .expiringAt(Instant.now().plus(Duration.ofDays(1))))
            .build();
    Path pw = dir.resolve("line.password");
    Files.writeString(pw, "Scr4pe-Pw+x\n");
    Path token = dir.resolve("token");
    Files.writeString(token, Fixtures.TOKEN + "\n");
    // a fresh login at most every 2 s: a scrape timed out on a busy machine still leaves its result
    ServeSettings settings =
        Fixtures.settings()
            .withPoliteness(
                new ServeSettings.Politeness(1_000_000, 1000, 0, 30_000, 2000, Optional.empty()));
    try (Simulation sim = Simulation.start(spec, clock)) {
      Path lines = dir.resolve("lines.properties");
      // the shipped example's line names, so the shipped targets need no change
      Files.writeString(
          lines,
          String.join(
              "\n",
              "line.living-room.server = " + sim.serverUrl(),
              "line.living-room.username = scraped",
              "line.living-room.password-file = line.password",
              ""));
      try (DoctorService serve =
          DoctorService.start(
              settings,
              dev.xtreamdoctor.api.XtreamDoctor.builder()
                  .ruleBook(Fixtures.rules())
                  .probeSettings(Fixtures.probes(List.of(sim.systemResolvers()))),
              TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())),
              ProbeLines.load(lines))) {
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        String shipped = Files.readString(DEPLOY.resolve("prometheus.yml"));
        String ours =
            shipped
                .replace("127.0.0.1:8765", "127.0.0.1:" + serve.port())
                .replace("/etc/prometheus/xtream-doctor.token", token.toString())
                .replace("scrape_interval: 2m", "scrape_interval: 1s")
                .replace("scrape_timeout: 45s", "scrape_timeout: 1s");
        assertTrue(
            !ours.equals(shipped)
                && ours.contains("scrape_interval: 1s")
                && ours.contains(token.toString()));
        Files.writeString(config, ours);
        Files.copy(
            DEPLOY.resolve("xtream-doctor.rules.yml"), dir.resolve("xtream-doctor.rules.yml"));
        run(List.of(PROMTOOL, "check", "config", "prometheus.yml"), dir);
        Process prometheus =
            new ProcessBuilder(
                    PROMETHEUS,
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        try {
          URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=");
          assertEquals("1", await(api, "xtream_probe_success{instance=\"living-room\"}", "1", dir));
          clock.shift(Duration.ofDays(2)); // the line's end date passes
          assertEquals(
              "1",
              await(
                  api,
                  "xtream_diagnosis_info{instance=\"living-room\",category=\"AUTHORIZATION_FAILED\"}",
                  "1",
                  dir));
          assertEquals("0", await(api, "xtream_probe_success{instance=\"living-room\"}", "0", dir));
        } finally {
          prometheus.destroy();
          if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
            prometheus.destroyForcibly();
          }
        }
      }
    }
  }

  @Test
  void prometheusScrapesTheServicesOwnMetricsAndCountsItsDiagnoses() throws Exception {
    needs(PROMETHEUS);
    Path token = dir.resolve("token");
    Files.writeString(token, Fixtures.TOKEN + "\n");
    try (DoctorService serve =
        Fixtures.start(
            Fixtures.settings(),
            Fixtures.probes(List.of()),
            TargetGuard.of(List.of(), Set.of(80)))) {
      String facts =
          "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":\"panel.auth_rejected\",\"auth\":0}]}";
      for (int i = 0; i < 3; i++) {
        assertEquals(
            200, Fixtures.post(serve, "/v1/evaluations", facts, Fixtures.TOKEN).statusCode());
      }
      int port = freePort();
      String shipped = Files.readString(DEPLOY.resolve("prometheus.yml"));
      String ours =
          shipped
              .replace("127.0.0.1:8765", "127.0.0.1:" + serve.port())
              .replace("/etc/prometheus/xtream-doctor.token", token.toString())
              .replace("scrape_interval: 30s", "scrape_interval: 1s")
              .replace("scrape_timeout: 10s", "scrape_timeout: 1s");
      assertTrue(
          ours.contains("metrics_path: /metrics") && ours.contains("scrape_interval: 1s"), ours);
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(config, ours);
      Files.copy(DEPLOY.resolve("xtream-doctor.rules.yml"), dir.resolve("xtream-doctor.rules.yml"));
      Process prometheus =
          new ProcessBuilder(
                  PROMETHEUS,
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--log.level=warn")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("prometheus.log").toFile())
              .start();
      try {
        URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query=");
        assertEquals(
            "3",
            await(
                api,
                "sum(xtream_diagnoses_total{job=\"xtream-doctor-serve\",source=\"evaluation\","
                    + "category=\"INVALID_DETAILS\",cause=\"CREDENTIALS_REJECTED\"})",
                "3",
                dir));
        assertEquals("1", await(api, "up{job=\"xtream-doctor-serve\"}", "1", dir));
      } finally {
        prometheus.destroy();
        if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
          prometheus.destroyForcibly();
        }
      }
    }
  }

  /** The query's value once it equals {@code wanted}, asked every 300 ms for at most 60 s. */
  private static String await(URI api, String query, String wanted, Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r;
      try {
        r =
            Fixtures.CLIENT.send(
                HttpRequest.newBuilder(
                        URI.create(api + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        Thread.sleep(300); // Prometheus still starting
        continue;
      }
      if (r.statusCode() == 200) {
        JsonArray result =
            Json.createReader(new StringReader(r.body()))
                .readObject()
                .getJsonObject("data")
                .getJsonArray("result");
        if (!result.isEmpty()) {
          String value = result.getJsonObject(0).getJsonArray("value").getString(1);
          if (value.equals(wanted)) {
            return value;
          }
          seen.add(value);
        }
      }
      Thread.sleep(300);
    }
    return "not "
        + wanted
        + " within 60 s ("
        + query
        + "; seen "
        + seen
        + ")\n"
        + Files.readString(dir.resolve("prometheus.log"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
