package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Simulation;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies a hostile or careless caller sends (reference reliability-and-rules.md A9, issue 13 point
 * 5): each is refused with 400 or 413 and a detail that names the field, never 500, and nothing
 * reaches a panel.
 */
class BadBodiesTest {
  static Simulation sim;
  static DoctorService service;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start("healthy-xc2");
    service =
        Fixtures.start(
            Fixtures.settings().withRate(10_000, 10_000),
            Fixtures.probes(List.of(sim.systemResolvers())),
            TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())));
  }

  @AfterAll
  static void stop() {
    service.close();
    sim.close();
  }

  static void assertProblem(HttpResponse<String> r, int status, String detail) {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(
        "application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
    assertTrue(r.body().contains(detail), r.body());
  }

  @Test
  void hostileFactsAre400WithTheFieldNamed() throws Exception {
    String[][] cases = {
      {
        "{\"facts\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "nested more than 32 levels deep"
      },
      {
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"auth\":" + "1".repeat(60_000) + "}]}",
        "holds a number of 60000"
      },
      {
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"auth\":0,\"auth\":1}]}",
        "\\\"facts[0].auth\\\" appears twice"
      },
      {"{\"facts\":[]}{\"facts\":[]}", "more after the JSON document"},
      {"{\"facts\":[]} trailing", "more after the JSON document"},
      {
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":null}]}", "field \\\"outcome\\\" is null"
      },
      {
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"auth\":4294967297}]}",
        "field \\\"auth\\\" must be a whole number"
      },
      {"{\"facts\":[{\"type\":\"ServerInput\",\"port\":-8080}]}", "field \\\"port\\\""},
      {"{\"facts\":[{\"type\":\"TcpConnect\",\"millis\":-3}]}", "field \\\"millis\\\""},
    };
    for (String[] c : cases) {
      assertProblem(Fixtures.post(service, "/v1/evaluations", c[0], Fixtures.TOKEN), 400, c[1]);
    }
  }

  @Test
  void hostileDiagnosisBodiesAre400AndReachNoPanel() throws Exception {
    int before = sim.requests().size();
    String[][] cases = {
      {
        "{\"server\":\"" + sim.serverUrl() + "\",\"username\":\"" + "u".repeat(100_000) + "\"}",
        "413"
      },
      {
        "{\"server\":\"" + sim.serverUrl() + "\",\"username\":\"" + "u".repeat(3000) + "\"}",
        "\\\"username\\\" is longer than 2048 characters"
      },
      {
        "{\"server\":\"" + sim.serverUrl() + "\",\"password\":\"" + "p".repeat(2049) + "\"}",
        "\\\"password\\\" is longer than 2048 characters"
      },
      {
        "{\"server\":\"" + sim.serverUrl() + "\",\"server\":\"http://other.test\"}",
        "\\\"server\\\" appears twice"
      },
      {"{\"server\":null}", "\\\"server\\\" is required"},
      {"{\"server\":\"" + sim.serverUrl() + "\"} {}", "more after the JSON document"},
      {
        "{\"server\":\""
            + sim.serverUrl()
            + "\",\"symptoms\":"
            + "{\"a\":".repeat(100)
            + "1"
            + "}".repeat(101),
        "nested more than 32 levels deep"
      },
    };
    for (String[] c : cases) {
      HttpResponse<String> r = Fixtures.post(service, "/v1/diagnoses", c[0], Fixtures.TOKEN);
      if (c[1].equals("413")) {
        assertProblem(r, 413, "larger than");
      } else {
        assertProblem(r, 400, c[1]);
      }
      assertFalse(r.body().contains("uuuuuuuu"), "the value never comes back");
    }
    assertEquals(before, sim.requests().size(), "no panel was asked");
  }

  @Test
  void aBodyThatIsNotUtf8Is400() throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(service.uri().resolve("/v1/evaluations"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Fixtures.TOKEN)
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                    new byte[] {'{', '"', (byte) 0xe9, '"', '}'}))
            .build();
    HttpResponse<String> r = Fixtures.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    assertProblem(r, 400, "not valid UTF-8");
  }
}
