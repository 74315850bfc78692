package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.FactModel;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.facts.Fact;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The facts a scenario builds up, one map of field values per fact, turned into engine facts
 * through {@link FactsJson} exactly as a facts file would be.
 */
final class FactSheet {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Where the example facts files are on the classpath (the features module ships them). */
  static final String EXAMPLES = "xtream-doctor/examples/facts/";

  private final List<Map<String, JsonValue>> facts = new ArrayList<>();

  /** Starts from an example facts file: a whole, realistic probe run. */
  void loadExample(String name) {
    facts.clear();
    InputStream in =
        FactSheet.class.getClassLoader().getResourceAsStream(EXAMPLES + name + ".json");
    if (in == null) {
      throw new IllegalArgumentException("there is no example facts file named \"" + name + "\"");
    }
    try (JsonReader r = JSON.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (JsonValue v : r.readObject().getJsonArray("facts")) {
        Map<String, JsonValue> fact = new LinkedHashMap<>();
        v.asJsonObject().forEach(fact::put);
        facts.add(fact);
      }
    }
  }

  void clear() {
    facts.clear();
  }

  /** Sets fields on every fact of a type that matches; adds one if there is none of the type. */
  void set(String type, Predicate<Map<String, JsonValue>> which, Map<String, String> fields) {
    List<Map<String, JsonValue>> targets =
        facts.stream().filter(f -> isA(f, type) && which.test(f)).toList();
    if (targets.isEmpty()) {
      targets = List.of(add(type, Map.of()));
    }
    for (Map<String, JsonValue> fact : targets) {
      fields.forEach((name, value) -> fact.put(name, typed(type, name, value)));
    }
  }

  void set(String type, Map<String, String> fields) {
    set(type, f -> true, fields);
  }

  Map<String, JsonValue> add(String type, Map<String, String> fields) {
    Map<String, JsonValue> fact = new LinkedHashMap<>();
    fact.put("type", JSON.createValue(type));
    fields.forEach((name, value) -> fact.put(name, typed(type, name, value)));
    facts.add(fact);
    return fact;
  }

  void remove(String type) {
    facts.removeIf(f -> isA(f, type));
  }

  /** A field of the first fact of a type, as text, or empty. */
  String get(String type, String field) {
    return facts.stream()
        .filter(f -> isA(f, type))
        .map(f -> f.get(field))
        .filter(v -> v != null)
        .map(v -> v instanceof jakarta.json.JsonString s ? s.getString() : v.toString())
        .findFirst()
        .orElse("");
  }

  private static boolean isA(Map<String, JsonValue> fact, String type) {
    return fact.get("type") instanceof jakarta.json.JsonString s && s.getString().equals(type);
  }

  static Predicate<Map<String, JsonValue>> where(String field, String value) {
    return f -> f.get(field) instanceof jakarta.json.JsonString s && s.getString().equals(value);
  }

  List<Fact> facts() {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    for (Map<String, JsonValue> fact : facts) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      fact.forEach(o::add);
      all.add(o);
    }
    try {
      return FactsJson.read(all.build().toString());
    } catch (FactsJson.FactsException e) {
      throw new IllegalArgumentException("the scenario's facts are invalid: " + e.getMessage(), e);
    }
  }

  /**
   * A table cell as the JSON value its field needs: true/false, a number, a list "a, b", or text.
   */
  private static JsonValue typed(String type, String field, String text) {
    Class<?> kind =
        Arrays.stream(
                FactModel.type(type)
                    .orElseThrow(() -> new IllegalArgumentException("unknown fact type " + type))
                    .getRecordComponents())
            .filter(c -> c.getName().equals(field))
            .map(RecordComponent::getType)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("unknown field " + field + " on " + type));
    if (kind == boolean.class) {
      return Boolean.parseBoolean(text.strip()) ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (kind == int.class || kind == long.class || kind == double.class) {
      return JSON.createValue(new java.math.BigDecimal(text.strip()));
    }
    if (kind == List.class) {
      JsonArrayBuilder list = JSON.createArrayBuilder();
      Arrays.stream(text.split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(list::add);
      return list.build();
    }
    return JSON.createValue(text);
  }

  /** The facts a watch's history becomes (see rules/FACTS.md, "A watch over time"). */
  void addHistory(List<dev.xtreamdoctor.engine.watch.CheckRecord> checks) {
    JsonArrayBuilder all = JSON.createArrayBuilder();
    for (Fact f : dev.xtreamdoctor.engine.watch.HistoryFacts.of(checks)) {
      all.add(FactsJson.write((Record) f));
    }
    addJson(all.build().toString());
  }

  /** For a docstring of facts-file JSON: the fallback when no readable step fits. */
  void addJson(String json) {
    try (JsonReader r = JSON.createReader(new StringReader(json))) {
      JsonValue root = r.readValue();
      List<JsonValue> list =
          root instanceof JsonObject o && o.containsKey("facts")
              ? o.getJsonArray("facts")
              : root.asJsonArray();
      for (JsonValue v : list) {
        Map<String, JsonValue> fact = new LinkedHashMap<>();
        v.asJsonObject().forEach(fact::put);
        facts.add(fact);
      }
    }
  }
}
