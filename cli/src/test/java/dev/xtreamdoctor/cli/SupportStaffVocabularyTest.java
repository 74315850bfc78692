package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.probes.ProbeSettings;
import dev.xtreamdoctor.service.DoctorService;
import dev.xtreamdoctor.service.ServeSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, done when: a new app message ("Server Error 884") and a new block page (an internet
 * provider's own page), added only in {@code rules/}, work end to end through {@code diagnose} and
 * {@code POST /v1/diagnoses}: the app message is offered and accepted, the page gets its signal, a
 * rule written in sentences concludes from both, and the catalogue's words reach the user.
 */
class SupportStaffVocabularyTest {
  static final String TOKEN = "support-token-0123456789";
  static final String PAGE =
      "<!DOCTYPE html><html><head><title>MyISP</title></head><body><h1>Sorry!</h1>"
          + "<p>This service is not available on the MyISP network.</p></body></html>";

  @TempDir Path tmp;
  private HttpServer blockPage;

  @BeforeEach
  void anInternetProviderAnswersEveryRequestWithItsOwnPage() throws IOException {
    blockPage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    blockPage.createContext(
        "/",
        ex -> {
          byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    blockPage.start();
  }

  @AfterEach
  void stop() {
    blockPage.stop(0);
  }

  /**
   * What a support person adds, in rules/ only: one app message, one page signal, two rules, their
   * words.
   */
  private Path taughtRules() throws IOException {
    Path rules = SupportStaffWorkflowTest.copyOfRules(tmp.resolve("rules"));
    Files.writeString(
        rules.resolve("catalogue.properties"),
        "\napp.server_error_884 = Server Error 884\n"
            + "MYISP_BLOCK.title = MyISP blocks this server with its own page\n"
            + "MYISP_BLOCK.impact = MyISP answers in the panel's place, so the app never reaches it.\n"
            + "MYISP_BLOCK.fix.1 = Use mobile data or a VPN, or ask MyISP to lift the block.\n"
            + "SERVER_ERROR_884.title = The app shows Server Error 884: the provider refuses this kind of app\n"
            + "SERVER_ERROR_884.impact = The provider's filter answers 884 to apps it does not allow.\n"
            + "SERVER_ERROR_884.fix.1 = Ask the provider which apps the line may use.\n",
        StandardOpenOption.APPEND);
    Files.writeString(
        rules.resolve(dev.xtreamdoctor.engine.PageSignals.FILE),
        "\nmyisp_block = not available on the myisp network\n",
        StandardOpenOption.APPEND);
    Files.writeString(
        rules.resolve("25-myisp.dslr"),
        "package dev.xtreamdoctor.rules;\n\nimport dev.xtreamdoctor.engine.facts.*;\n\n"
            + "rule \"Login failed: MyISP answers with its own block page\"\nwhen\n  There is a HttpResponse fact\n"
            + "  - its purpose is \"login\"\n  - its signals includes \"myisp_block\"\nthen\n"
            + "  Conclude LOGIN_FAILED because of MYISP_BLOCK at the http layer\n"
            + "  Add the evidence \"The login request got MyISP's own block page\"\n  Report it\nend\n\n"
            + "rule \"Login failed: the app shows Server Error 884\"\nwhen\n  The user reported something\n"
            + "  - the app shows \"server_error_884\"\nthen\n"
            + "  Conclude LOGIN_FAILED because of SERVER_ERROR_884 at the symptoms layer\n"
            + "  Add the evidence \"The app shows Server Error 884\"\n  Report it\nend\n");
    return rules;
  }

  private String server() {
    return "http://127.0.0.1:" + blockPage.getAddress().getPort();
  }

  @Test
  void aNewAppMessageAndBlockPageWorkThroughDiagnose() throws Exception {
    Path rules = taughtRules();
    CliRun check = CliRun.run("rules", "check", rules.toString());
    assertEquals(ExitCode.NO_FAULT, check.exitCode(), check.toString());

    Path config = tmp.resolve("doctor.properties");
    Files.writeString(
        config,
        "doctor.timeout.total-ms=8000\ndoctor.latency.samples=1\ndoctor.cache.enabled=false\n");
    CliRun r =
        CliRun.run(
            "diagnose",
            "--rules",
            rules.toString(),
            "--config",
            config.toString(),
            "--server",
            server(),
            "--username",
            "demo",
            "--password",
            "demo-Pass-1",
            "--app-message",
            "server-error-884",
            "--format",
            "json");
    assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
    JsonObject d = Json.createReader(new StringReader(r.out())).readObject();
    assertEquals("LOGIN_FAILED", d.getString("category"), r.out());
    assertEquals("MYISP_BLOCK", d.getJsonArray("causes").getJsonObject(0).getString("id"), r.out());
    assertTrue(
        r.out().contains("Use mobile data or a VPN, or ask MyISP to lift the block."), r.out());
    assertTrue(r.out().contains("\"myisp_block\""), "the page got its signal: " + r.out());
    assertTrue(
        r.out().contains("The app shows Server Error 884: the provider refuses this kind of app"),
        r.out());

    CliRun typo =
        CliRun.run(
            "diagnose",
            "--rules",
            rules.toString(),
            "--config",
            config.toString(),
            "--server",
            server(),
            "--username",
            "demo",
            "--password",
            "demo-Pass-1",
            "--app-message",
            "server-error-844");
    assertEquals(ExitCode.USAGE, typo.exitCode(), typo.toString());
    assertTrue(typo.err().contains("(did you mean server-error-884?)"), typo.toString());
    assertTrue(typo.err().contains("server-error-884"), typo.toString());
  }

  @Test
  void aNewAppMessageAndBlockPageWorkThroughTheService() throws Exception {
    Path rules = taughtRules();
    int port = blockPage.getAddress().getPort();
    ProbeSettings probes =
        ProbeSettings.defaults()
            .withResolvers(List.of(), List.of())
            .withTimeouts(1000, 2000, 6000)
            .withLimits(1 << 20, 6, 1)
            .withLoopbackOnly(true);
    XtreamDoctor.Builder builder =
        XtreamDoctor.builder().rulesDirectory(rules).probeSettings(probes);
    ServeSettings settings =
        new ServeSettings("127.0.0.1", 0, List.of(TOKEN), 65536, 1000, 1000, 4, 8, 2000, "'self'");
    try (DoctorService s =
        DoctorService.start(
            settings, builder, TargetGuard.of(List.of("127.0.0.1/32"), Set.of(port)))) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      JsonObject doc =
          read(
              client
                  .send(
                      HttpRequest.newBuilder(s.uri().resolve("/openapi.json")).build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      JsonObject appMessage =
          doc.getJsonObject("components")
              .getJsonObject("schemas")
              .getJsonObject("Symptoms")
              .getJsonObject("properties")
              .getJsonObject("appMessage");
      assertTrue(
          appMessage.getJsonArray("enum").toString().contains("\"server_error_884\""),
          appMessage.toString());
      assertEquals(
          "Server Error 884", appMessage.getJsonObject("x-labels").getString("server_error_884"));
      assertEquals("Server Error 884", s.doctor().appMessages().get("server_error_884"));

      String body =
          "{\"server\":\""
              + server()
              + "\",\"username\":\"demo\",\"password\":\"demo-Pass-1\","
              + "\"symptoms\":{\"appMessage\":\"server_error_884\",\"vantage\":\"remote\"}}";
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(s.uri().resolve("/v1/diagnoses"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      JsonObject d = read(r.body());
      assertEquals("LOGIN_FAILED", d.getString("category"), r.body());
      assertEquals(
          "MYISP_BLOCK", d.getJsonArray("causes").getJsonObject(0).getString("id"), r.body());
      assertTrue(
          r.body()
              .contains("The app shows Server Error 884: the provider refuses this kind of app"),
          r.body());
      assertTrue(
          d.getString("ticketReply")
              .contains("Use mobile data or a VPN, or ask MyISP to lift the block."),
          r.body());

      HttpResponse<String> unknown =
          client.send(
              HttpRequest.newBuilder(s.uri().resolve("/v1/diagnoses"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          body.replace("server_error_884", "server_error_844")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(400, unknown.statusCode(), unknown.body());
      assertTrue(unknown.body().contains("server_error_884"), unknown.body());
    }
  }

  private static JsonObject read(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
