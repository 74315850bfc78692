package dev.xtreamdoctor.service;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenAPI document as the rules in use make it: the list of what an app may show (the
 * symptoms' {@code appMessage}) is not written in the document but taken from the rules'
 * catalogue ({@code app.CODE = Words}), with the words as {@code x-labels}, which the helpdesk page
 * reads to fill its list. Rebuilt when the rules change (a hot reload), else served as made.
 */
final class OpenApiDocument {
  private static final JsonProvider JSON = JsonProvider.provider();

  private record Made(String fingerprint, byte[] document) {}

  private final AtomicReference<Made> made = new AtomicReference<>();

  /** The document for the rules with this fingerprint and app messages. */
  byte[] document(byte[] template, String fingerprint, Map<String, String> appMessages) {
    Made m = made.get();
    if (m != null && m.fingerprint().equals(fingerprint)) {
      return m.document();
    }
    byte[] doc = make(template, appMessages);
    made.set(new Made(fingerprint, doc));
    return doc;
  }

  static byte[] make(byte[] template, Map<String, String> appMessages) {
    JsonObject doc;
    try (JsonReader r = JSON.createReader(new ByteArrayInputStream(template))) {
      doc = r.readObject();
    }
    JsonObjectBuilder labels = JSON.createObjectBuilder();
    appMessages.forEach(labels::add);
    JsonObject appMessage =
        JSON.createObjectBuilder()
            .add("type", "string")
            .add("description", "what the app showed, as the rules in use list it (app.CODE in their catalogue.properties)")
            .add("enum", JSON.createArrayBuilder(appMessages.keySet()))
            .add("x-labels", labels)
            .build();
    JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
    JsonObject symptoms = schemas.getJsonObject("Symptoms");
    JsonObject properties = JSON.createObjectBuilder(symptoms.getJsonObject("properties")).add("appMessage", appMessage).build();
    JsonObject out =
        JSON.createObjectBuilder(doc)
            .add(
                "components",
                JSON.createObjectBuilder(doc.getJsonObject("components"))
                    .add(
                        "schemas",
                        JSON.createObjectBuilder(schemas)
                            .add("Symptoms", JSON.createObjectBuilder(symptoms).add("properties", properties))))
            .build();
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
