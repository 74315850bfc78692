package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xtreamdoctor.api.TargetGuard;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document at /openapi.json says what the service does: routes and request fields. */
class OpenApiTest {
  @Test
  void theDocumentMatchesTheService() throws Exception {
    try (DoctorService s =
        Fixtures.start(
            Fixtures.settings(),
            Fixtures.probes(List.of()),
            TargetGuard.of(List.of(), Set.of(80)))) {
      HttpResponse<String> r = Fixtures.get(s, "/openapi.json", null);
      assertEquals(200, r.statusCode());
      JsonObject doc = Json.createReader(new StringReader(r.body())).readObject();
      Set<String> routes = new TreeSet<>();
      JsonObject paths = doc.getJsonObject("paths");
      for (String path : paths.keySet()) {
        for (String method : paths.getJsonObject(path).keySet()) {
          routes.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
        }
      }
      assertEquals(new TreeSet<>(DoctorService.API_ROUTES), routes);
      JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
      assertEquals(
          new TreeSet<>(DiagnosisBody.FIELDS),
          new TreeSet<>(
              schemas.getJsonObject("DiagnosisRequest").getJsonObject("properties").keySet()));
      JsonObject symptoms = schemas.getJsonObject("Symptoms").getJsonObject("properties");
      assertEquals(new TreeSet<>(DiagnosisBody.SYMPTOM_FIELDS), new TreeSet<>(symptoms.keySet()));
      assertEquals(
          List.copyOf(s.doctor().appMessages().keySet()),
          symptoms
              .getJsonObject("appMessage")
              .getJsonArray("enum")
              .getValuesAs(JsonString::getString));
      assertEquals(
          "Login Failed",
          symptoms.getJsonObject("appMessage").getJsonObject("x-labels").getString("login_failed"));
      assertEquals(
          DiagnosisBody.VANTAGES,
          symptoms
              .getJsonObject("vantage")
              .getJsonArray("enum")
              .getValuesAs(JsonString::getString));
      // the routes that need the token (/v1, /probe, /metrics) say so, and only they
      for (String route : DoctorService.API_ROUTES) {
        String[] mp = route.split(" ");
        boolean secured =
            mp[1].startsWith("/v1/") || mp[1].equals("/probe") || mp[1].equals("/metrics");
        HttpResponse<String> unauth =
            mp[0].equals("GET")
                ? Fixtures.get(s, mp[1], null)
                : Fixtures.post(s, mp[1], "{}", null);
        assertEquals(secured ? 401 : 200, unauth.statusCode(), route);
        assertEquals(
            secured,
            paths
                .getJsonObject(mp[1])
                .getJsonObject(mp[0].toLowerCase(java.util.Locale.ROOT))
                .containsKey("security"),
            route);
      }
    }
  }
}
