package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Simulation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service answers in the body's "lang", else the client's Accept-Language, else English; the
 * device is one of the rules' devices, refused with the nearest otherwise; the OpenAPI document
 * lists both from the rules in use, as the helpdesk page reads them.
 */
class LanguageAndDeviceTest {
  static Simulation sim;
  static DoctorService service;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start("bad-credentials-xc2");
    TargetGuard guard = TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort()));
    service =
        Fixtures.start(Fixtures.settings(), Fixtures.probes(List.of(sim.systemResolvers())), guard);
  }

  @AfterAll
  static void stop() {
    service.close();
    sim.close();
  }

  private static HttpResponse<String> post(String path, String body, String acceptLanguage)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(service.uri().resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Fixtures.TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    return Fixtures.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> r) {
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  private static String diagnosis(String symptoms, String lang) {
    String body =
        Fixtures.diagnosisJson(sim.serverUrl(), sim.username(), "wrong-Pass-4711", symptoms);
    return lang == null
        ? body
        : body.substring(0, body.length() - 1) + ",\"lang\":\"" + lang + "\"}";
  }

  @Test
  void acceptLanguageChoosesTheWordsAndTheTicketReply() throws Exception {
    HttpResponse<String> r =
        post("/v1/diagnoses", diagnosis(null, null), "de-CH, de;q=0.9, en;q=0.5");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject d = json(r);
    assertEquals("de", d.getString("language"));
    assertEquals("Ungültige Zugangsdaten", d.getString("title"));
    assertTrue(
        d.getString("ticketReply").contains("### Was zu tun ist"), d.getString("ticketReply"));
    assertFalse(d.getString("ticketReply").contains("What to do"), d.getString("ticketReply"));
    assertFalse(r.body().contains("wrong-Pass-4711"));
  }

  @Test
  void theBodysLangComesBeforeTheHeaderAndTheDeviceChoosesTheSteps() throws Exception {
    HttpResponse<String> r =
        post(
            "/v1/diagnoses",
            diagnosis("{\"device\":\"Samsung TV\",\"worksOnOtherDevice\":\"yes\"}", "es"),
            "de");
    assertEquals(200, r.statusCode(), r.body());
    JsonObject d = json(r);
    assertEquals("es", d.getString("language"));
    assertTrue(d.getString("ticketReply").contains("### Qué hacer"), d.getString("ticketReply"));
    HttpResponse<String> none = post("/v1/diagnoses", diagnosis(null, null), null);
    assertEquals("en", json(none).getString("language"));
  }

  @Test
  void anUnknownDeviceOrLanguageIsABadRequestThatNamesTheNearest() throws Exception {
    HttpResponse<String> device =
        post("/v1/diagnoses", diagnosis("{\"device\":\"toastr\"}", null), null);
    assertEquals(400, device.statusCode(), device.body());
    assertTrue(
        json(device)
            .getString("detail")
            .contains("\"device\": 'toastr' is not a device the rules know"),
        device.body());
    HttpResponse<String> near =
        post("/v1/diagnoses", diagnosis("{\"device\":\"firestik\"}", null), null);
    assertTrue(json(near).getString("detail").contains("did you mean firestick?"), near.body());
    HttpResponse<String> lang = post("/v1/diagnoses", diagnosis(null, "sv"), null);
    assertEquals(400, lang.statusCode(), lang.body());
    assertTrue(
        json(lang)
            .getString("detail")
            .contains("\"lang\" must be one of [en, de, es, fr, it, pt-BR]"),
        lang.body());
  }

  @Test
  void evaluationsFollowAcceptLanguage() throws Exception {
    String facts =
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":\"panel.auth_rejected\",\"auth\":0}]}";
    HttpResponse<String> r = post("/v1/evaluations", facts, "it-IT,it;q=0.9");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("it", json(r).getString("language"));
    assertEquals("Dati non validi", json(r).getString("title"));
  }

  @Test
  void theOpenApiDocumentListsTheDevicesAndLanguagesOfTheRules() throws Exception {
    JsonObject doc = json(Fixtures.get(service, "/openapi.json", null));
    JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
    JsonObject device =
        schemas.getJsonObject("Symptoms").getJsonObject("properties").getJsonObject("device");
    assertEquals(
        List.of(
            "firestick",
            "android_tv",
            "android_phone",
            "apple",
            "samsung_tv",
            "lg_tv",
            "windows",
            "macos",
            "mag",
            "other"),
        device.getJsonArray("enum").getValuesAs(JsonString::getString));
    assertEquals("Samsung TV (Tizen)", device.getJsonObject("x-labels").getString("samsung_tv"));
    JsonObject lang =
        schemas.getJsonObject("DiagnosisRequest").getJsonObject("properties").getJsonObject("lang");
    assertEquals(
        List.of("en", "de", "es", "fr", "it", "pt-BR"),
        lang.getJsonArray("enum").getValuesAs(JsonString::getString));
    assertEquals("Português (Brasil)", lang.getJsonObject("x-labels").getString("pt-BR"));
  }
}
