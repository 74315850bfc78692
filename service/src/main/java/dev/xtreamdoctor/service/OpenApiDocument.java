package dev.xtreamdoctor.service;

import dev.xtreamdoctor.engine.FactModel;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenAPI document as the code and the rules in use make it: the categories, severities, layers
 * and fact types (with their fields and outcomes) are the engine's, and the list of what an app may
 * show (the symptoms' {@code appMessage}), the devices ({@code device}) and the languages ({@code
 * lang}) are not written in the document but taken from the rules' catalogue ({@code app.CODE =
 * Words}), with the words as {@code x-labels}, which the helpdesk page reads to fill its list.
 * Rebuilt when the rules change (a hot reload), else served as made.
 */
final class OpenApiDocument {
  private static final JsonProvider JSON = JsonProvider.provider();

  private record Made(String fingerprint, byte[] document) {}

  private final AtomicReference<Made> made = new AtomicReference<>();

  /** The document for the rules with this fingerprint and app messages. */
  byte[] document(
      byte[] template,
      String fingerprint,
      Map<String, String> appMessages,
      Map<String, String> devices,
      Map<String, String> languages) {
    Made m = made.get();
    if (m != null && m.fingerprint().equals(fingerprint)) {
      return m.document();
    }
    byte[] doc = make(template, appMessages, devices, languages);
    made.set(new Made(fingerprint, doc));
    return doc;
  }

  /**
   * @param appMessages what an app shows: code to the words on the screen
   * @param devices the devices: code to name
   * @param languages the languages the rules have words in: tag to its own name (Español)
   */
  static byte[] make(
      byte[] template,
      Map<String, String> appMessages,
      Map<String, String> devices,
      Map<String, String> languages) {
    JsonObject doc;
    try (JsonReader r = JSON.createReader(new ByteArrayInputStream(template))) {
      doc = r.readObject();
    }
    JsonObjectBuilder labels = JSON.createObjectBuilder();
    appMessages.forEach(labels::add);
    JsonObject appMessage =
        JSON.createObjectBuilder()
            .add("type", "string")
            .add(
                "description",
                "what the app showed, as the rules in use list it (app.CODE in their catalogue.properties)")
            .add("enum", JSON.createArrayBuilder(appMessages.keySet()))
            .add("x-labels", labels)
            .build();
    JsonObject schemas = doc.getJsonObject("components").getJsonObject("schemas");
    JsonObjectBuilder out =
        JSON.createObjectBuilder(schemas)
            .add(
                "Symptoms",
                withProperty(
                    withProperty(schemas.getJsonObject("Symptoms"), "appMessage", appMessage),
                    "device",
                    listed(
                        "the failing device, as the rules in use list it (device.CODE in their catalogue.properties); fixes show"
                            + " its menu paths",
                        devices)))
            .add(
                "DiagnosisRequest",
                withProperty(
                    schemas.getJsonObject("DiagnosisRequest"),
                    "lang",
                    listed(
                        "the language of the answer's words (a tag; es-MX and es_ES.UTF-8 are matched too); before the"
                            + " Accept-Language header; English when neither names a language the rules have",
                        languages)))
            .add(
                "Diagnosis",
                withEnum(schemas.getJsonObject("Diagnosis"), "category", Vocabulary.CATEGORIES))
            .add(
                "Finding",
                withEnum(
                    withEnum(
                        withEnum(
                            schemas.getJsonObject("Finding"), "category", Vocabulary.CATEGORIES),
                        "severity",
                        Vocabulary.SEVERITIES),
                    "layer",
                    Vocabulary.LAYERS));
    facts(out);
    return JSON.createObjectBuilder(doc)
        .add(
            "components",
            JSON.createObjectBuilder(doc.getJsonObject("components")).add("schemas", out))
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject withProperty(JsonObject schema, String name, JsonObject property) {
    return JSON.createObjectBuilder(schema)
        .add(
            "properties",
            JSON.createObjectBuilder(schema.getJsonObject("properties")).add(name, property))
        .build();
  }

  /** The schema with a string property's closed vocabulary, as the engine has it. */
  private static JsonObject withEnum(JsonObject schema, String name, List<String> values) {
    JsonObject p = schema.getJsonObject("properties").getJsonObject(name);
    return withProperty(
        schema,
        name,
        JSON.createObjectBuilder(p).add("enum", JSON.createArrayBuilder(values)).build());
  }

  /**
   * {@code Fact}: one schema per fact type the engine reads ({@link FactModel#OBSERVATIONS}), made
   * from the record's fields as {@link dev.xtreamdoctor.engine.FactsJson} reads and writes them,
   * chosen by {@code type}.
   */
  private static void facts(JsonObjectBuilder schemas) {
    JsonArrayBuilder oneOf = JSON.createArrayBuilder();
    JsonObjectBuilder mapping = JSON.createObjectBuilder();
    for (Class<? extends Fact> type : FactModel.OBSERVATIONS) {
      String name = type.getSimpleName();
      String ref = "#/components/schemas/Fact." + name;
      oneOf.add(JSON.createObjectBuilder().add("$ref", ref));
      mapping.add(name, ref);
      JsonObjectBuilder properties =
          JSON.createObjectBuilder().add("type", JSON.createObjectBuilder().add("const", name));
      for (RecordComponent c : type.getRecordComponents()) {
        properties.add(c.getName(), field(name, c));
      }
      schemas.add(
          "Fact." + name,
          JSON.createObjectBuilder()
              .add("type", "object")
              .add("additionalProperties", false)
              .add("required", JSON.createArrayBuilder().add("type"))
              .add("properties", properties));
    }
    schemas.add(
        "Fact",
        JSON.createObjectBuilder()
            .add(
                "description",
                "one observation; its type names its fields (rules/FACTS.md); a field left out is empty, 0 or"
                    + " false")
            .add("type", "object")
            .add("required", JSON.createArrayBuilder().add("type"))
            .add("oneOf", oneOf)
            .add(
                "discriminator",
                JSON.createObjectBuilder().add("propertyName", "type").add("mapping", mapping)));
  }

  private static JsonObjectBuilder field(String fact, RecordComponent c) {
    Class<?> t = c.getType();
    JsonObjectBuilder b = JSON.createObjectBuilder();
    if (t == String.class) {
      b.add("type", "string");
      Set<String> outcomes = c.getName().equals("outcome") ? Outcome.BY_FACT.get(fact) : null;
      if (outcomes != null) {
        b.add("enum", JSON.createArrayBuilder(new TreeSet<>(outcomes)));
      }
    } else if (t == boolean.class) {
      b.add("type", "boolean");
    } else if (t == int.class || t == long.class) {
      b.add("type", "integer");
    } else if (t == double.class) {
      b.add("type", "number");
    } else if (t == List.class) {
      b.add("type", "array").add("items", JSON.createObjectBuilder().add("type", "string"));
    } else {
      throw new IllegalStateException(fact + "." + c.getName() + ": no JSON type for " + t);
    }
    return b;
  }

  /**
   * A string property whose values are a list made from the rules, with their words as x-labels.
   */
  private static JsonObject listed(String description, Map<String, String> values) {
    JsonObjectBuilder labels = JSON.createObjectBuilder();
    values.forEach(labels::add);
    return JSON.createObjectBuilder()
        .add("type", "string")
        .add("description", description)
        .add("enum", JSON.createArrayBuilder(values.keySet()))
        .add("x-labels", labels)
        .build();
  }
}
