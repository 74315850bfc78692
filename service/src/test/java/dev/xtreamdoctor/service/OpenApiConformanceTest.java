package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Simulation;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * /openapi.json is a valid OpenAPI 3.1 document (checked against the official schema of the OpenAPI
 * Initiative, a test resource, by a JSON Schema 2020-12 validator), names every operation, and
 * tells the truth: real answers of the service, 2xx and errors alike, have a status the operation
 * documents, validate against the schema it gives, and carry X-Request-Id.
 */
class OpenApiConformanceTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  static Simulation sim;
  static DoctorService service;
  static String served;
  static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start("bad-credentials-xc2");
    service =
        Fixtures.start(
            Fixtures.settings(),
            Fixtures.probes(List.of(sim.systemResolvers())),
            TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())));
    served = Fixtures.get(service, "/openapi.json", null).body();
    doc = MAPPER.readTree(served);
  }

  @AfterAll
  static void stop() {
    service.close();
    sim.close();
  }

  private static Schema officialSchema() throws Exception {
    try (InputStream in =
        OpenApiConformanceTest.class.getResourceAsStream("/oas-3.1/schema.json")) {
      assertNotNull(in, "the OpenAPI 3.1 schema is a test resource");
      return REGISTRY.getSchema(in, InputFormat.JSON);
    }
  }

  @Test
  void theDocumentIsValidOpenApi31() throws Exception {
    Schema oas = officialSchema();
    List<Error> errors = oas.validate(served, InputFormat.JSON);
    assertTrue(errors.isEmpty(), errors.toString());
    assertEquals("3.1.0", doc.get("openapi").asString());
    // the validator is live: it refuses a misspelt operation field and a document of another
    // version
    ObjectNode broken = (ObjectNode) MAPPER.readTree(served);
    ((ObjectNode) broken.get("paths").get("/v1/rules").get("get")).put("operationID", "x");
    assertFalse(oas.validate(broken).isEmpty(), "a misspelt field is refused");
    ObjectNode old = (ObjectNode) MAPPER.readTree(served);
    old.put("openapi", "3.0.3");
    assertFalse(oas.validate(old).isEmpty(), "another version is refused");
  }

  @Test
  void everyOperationHasAUniqueOperationIdAndServersAreGiven() {
    Set<String> ids = new HashSet<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        operations++;
        JsonNode id = op.getValue().get("operationId");
        assertNotNull(id, op.getKey() + " " + path.getKey() + " has no operationId");
        assertTrue(id.asString().matches("[a-z][A-Za-z]+"), id.toString());
        assertTrue(ids.add(id.asString()), "operationId " + id + " twice");
      }
    }
    assertEquals(DoctorService.API_ROUTES.size(), operations);
    assertTrue(doc.get("servers").size() >= 1);
  }

  @Test
  void everySchemaIsAValidJsonSchema() {
    Schema meta =
        REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    for (Map.Entry<String, JsonNode> s : doc.get("components").get("schemas").properties()) {
      List<Error> errors = meta.validate(s.getValue());
      assertTrue(errors.isEmpty(), s.getKey() + ": " + errors);
    }
    // findings, evidence and facts are typed, not bare objects
    JsonNode schemas = doc.get("components").get("schemas");
    assertEquals(
        "#/components/schemas/Finding",
        schemas
            .get("Diagnosis")
            .get("properties")
            .get("findings")
            .get("items")
            .get("$ref")
            .asString());
    assertTrue(schemas.get("Finding").get("properties").get("layer").has("enum"));
    assertTrue(schemas.get("Fact").get("oneOf").size() >= 10);
    assertTrue(
        schemas
            .get("Fact.LoginAnswer")
            .get("properties")
            .get("outcome")
            .get("enum")
            .toString()
            .contains("panel.auth_rejected"));
    List<String> required = new ArrayList<>();
    schemas.get("Problem").get("required").forEach(n -> required.add(n.asString()));
    assertEquals(List.of("type", "title", "status", "instance"), required);
  }

  /** A request, and what the document must say of its answer. */
  private record Call(
      String method, String path, String documentedAs, String token, String type, String body) {}

  @Test
  void realAnswersMatchTheDocument() throws Exception {
    String facts =
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":\"panel.auth_rejected\",\"auth\":0}]}";
    String t = Fixtures.TOKEN;
    String json = "application/json";
    List<Call> calls =
        List.of(
            new Call(
                "POST",
                "/v1/diagnoses",
                "/v1/diagnoses",
                t,
                json,
                Fixtures.diagnosisJson(sim.serverUrl(), sim.username(), "wrong-Pass-4711", null)),
            new Call(
                "POST",
                "/v1/diagnoses",
                "/v1/diagnoses",
                t,
                json,
                Fixtures.diagnosisJson("htp:/bad", "u", "p", null)),
            new Call(
                "POST",
                "/v1/diagnoses",
                "/v1/diagnoses",
                t,
                json,
                Fixtures.diagnosisJson("http://10.1.2.3:8080", "u", "p", null)),
            new Call("POST", "/v1/diagnoses", "/v1/diagnoses", t, "text/plain", "{}"),
            new Call("POST", "/v1/diagnoses", "/v1/diagnoses", null, json, "{}"),
            new Call("POST", "/v1/evaluations", "/v1/evaluations", t, json, facts),
            new Call("POST", "/v1/evaluations", "/v1/evaluations", t, json, "{not json"),
            new Call(
                "POST",
                "/v1/evaluations",
                "/v1/evaluations",
                t,
                json,
                "{\"facts\":["
                    + "{\"type\":\"LoginAnswer\"},".repeat(5000)
                    + "{\"type\":\"LoginAnswer\"}]}"),
            new Call("GET", "/v1/diagnoses", "/v1/diagnoses", t, null, null),
            new Call("GET", "/v1/rules", "/v1/rules", t, null, null),
            new Call("GET", "/probe?line=nothing", "/probe", t, null, null),
            new Call("GET", "/metrics", "/metrics", t, null, null),
            new Call("GET", "/metrics", "/metrics", null, null, null),
            new Call("GET", "/health", "/health", null, null, null),
            new Call("GET", "/health/live", "/health/live", null, null, null),
            new Call("GET", "/health/ready", "/health/ready", null, null, null),
            new Call("GET", "/openapi.json", "/openapi.json", null, null, null),
            new Call("GET", "/v2/nothing", null, t, null, null));
    Set<Integer> statuses = new java.util.TreeSet<>();
    for (Call c : calls) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(service.uri().resolve(c.path())).timeout(Duration.ofSeconds(20));
      if (c.token() != null) {
        b.header("Authorization", "Bearer " + c.token());
      }
      if (c.body() != null) {
        b.header("Content-Type", c.type()).POST(HttpRequest.BodyPublishers.ofString(c.body()));
      }
      HttpResponse<String> r =
          Fixtures.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      statuses.add(r.statusCode());
      String what = c.method() + " " + c.path() + " -> " + r.statusCode();
      String id = r.headers().firstValue(RequestIds.HEADER).orElse("");
      assertTrue(id.matches("[0-9a-f]{32}"), what + ": X-Request-Id " + id);
      String mediaType = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
      // the operation the document names (an unknown path: any operation's 404 says what it is)
      JsonNode op =
          doc.get("paths")
              .get(c.documentedAs() == null ? "/v1/rules" : c.documentedAs())
              .get(c.documentedAs() == null ? "get" : c.method().toLowerCase(Locale.ROOT));
      if (op
          == null) { // a method the path does not answer: 405, documented on the path's operation
        op = doc.get("paths").get(c.documentedAs()).properties().iterator().next().getValue();
      }
      JsonNode response = resolve(op.get("responses").get(Integer.toString(r.statusCode())));
      assertNotNull(response, what + " is not documented");
      assertTrue(
          response.get("headers").has("X-Request-Id"), what + ": X-Request-Id not documented");
      JsonNode content = response.get("content");
      String documentedType = content.properties().iterator().next().getKey().split(";")[0].strip();
      assertEquals(documentedType, mediaType, what);
      JsonNode schema = content.properties().iterator().next().getValue().get("schema");
      if (mediaType.endsWith("json")) {
        List<Error> errors = schemaOf(schema).validate(r.body(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), what + ": " + errors + "\n" + r.body());
      }
      if (mediaType.equals("application/problem+json")) {
        assertEquals(
            RequestIds.instance(id), MAPPER.readTree(r.body()).get("instance").asString(), what);
      }
    }
    assertEquals(Set.of(200, 400, 401, 404, 405, 413, 415, 422), statuses);
  }

  @Test
  void answersJettyGivesItselfCarryARequestIdAndAreDocumented() throws Exception {
    // headers over the size limit: Jetty answers before it has read them, so the id is a new one
    String answer =
        exchange(
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: ticket-4711:2\r\nX-Big: "
                + "b".repeat(10_000)
                + "\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    Matcher id = Pattern.compile("X-Request-Id: ([0-9a-f]{32})\r\n").matcher(answer);
    assertTrue(id.find(), answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertEquals(
        RequestIds.instance(id.group(1)), MAPPER.readTree(body).get("instance").asString());
    // too many header fields: the service answers, and echoes the caller's id
    StringBuilder head =
        new StringBuilder("GET /health HTTP/1.1\r\nHost: x\r\nX-Request-Id: ticket-4711:2\r\n");
    for (int i = 0; i < 250; i++) {
      head.append("X-").append(i).append(": y\r\n");
    }
    answer = exchange(head + "\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    assertTrue(answer.contains("X-Request-Id: ticket-4711:2\r\n"), answer);
    body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertEquals(
        RequestIds.instance("ticket-4711:2"), MAPPER.readTree(body).get("instance").asString());
    assertNotNull(doc.get("paths").get("/health").get("get").get("responses").get("431"));
  }

  @Test
  void aValidIncomingRequestIdIsEchoedAnInvalidOneReplaced() throws Exception {
    HttpResponse<String> r =
        Fixtures.CLIENT.send(
            HttpRequest.newBuilder(service.uri().resolve("/health"))
                .header(RequestIds.HEADER, "7f3c1e5e-2b1d-4c0b-9a51-0c8a8e0f9d11")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        "7f3c1e5e-2b1d-4c0b-9a51-0c8a8e0f9d11",
        r.headers().firstValue(RequestIds.HEADER).orElse(""));
    for (String bad : List.of("has space", "x".repeat(129), "<script>", "a\"b")) {
      HttpResponse<String> s =
          Fixtures.CLIENT.send(
              HttpRequest.newBuilder(service.uri().resolve("/health"))
                  .header(RequestIds.HEADER, bad)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(s.headers().firstValue(RequestIds.HEADER).orElse("").matches("[0-9a-f]{32}"), bad);
    }
  }

  /** A schema of the document (its $refs resolve within it) as a JSON Schema 2020-12. */
  private static Schema schemaOf(JsonNode schema) {
    ObjectNode root = (ObjectNode) MAPPER.readTree(served);
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("allOf", MAPPER.createArrayNode().add(schema));
    return REGISTRY.getSchema(SchemaLocation.of("urn:xtream-doctor:openapi"), root);
  }

  private static JsonNode resolve(JsonNode node) {
    if (node == null || !node.has("$ref")) {
      return node;
    }
    JsonNode at = doc;
    for (String part : node.get("$ref").asString().substring(2).split("/")) {
      at = at.get(part);
    }
    return at;
  }

  /** One raw request, and the answer's head and body (read up to its Content-Length). */
  private static String exchange(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", service.port())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      int end = -1;
      while (end < 0) {
        int b = in.read();
        if (b < 0) {
          return got.toString(StandardCharsets.UTF_8);
        }
        got.write(b);
        end = got.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
      }
      Matcher m =
          Pattern.compile("(?i)content-length: *(\\d+)")
              .matcher(got.toString(StandardCharsets.ISO_8859_1));
      got.write(in.readNBytes(m.find() ? Integer.parseInt(m.group(1)) : 0));
      return got.toString(StandardCharsets.UTF_8);
    }
  }
}
