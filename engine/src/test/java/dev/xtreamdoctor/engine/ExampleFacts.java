package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Fact;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An example facts file from {@code examples/facts}, changed step by step for a variant: tests
 * start from a realistic whole probe run and say only what differs.
 */
final class ExampleFacts {
  static final Path DIR = Path.of("..", "examples", "facts");

  private final List<JsonObject> facts;

  private ExampleFacts(List<JsonObject> facts) {
    this.facts = facts;
  }

  /** Every example file's facts, in file-name order. */
  static List<List<Fact>> all() throws IOException, FactsJson.FactsException {
    List<List<Fact>> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path p : files.sorted().toList()) {
        all.add(FactsJson.read(Files.readString(p)));
      }
    }
    return all;
  }

  static ExampleFacts of(String name) {
    try (JsonReader r =
        Json.createReader(new StringReader(Files.readString(DIR.resolve(name + ".json"))))) {
      List<JsonObject> list = new ArrayList<>();
      r.readObject().getJsonArray("facts").forEach(v -> list.add(v.asJsonObject()));
      return new ExampleFacts(list);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read example " + name, e);
    }
  }

  /** Changes fields of every fact of this type. */
  ExampleFacts set(String type, Map<String, ?> fields) {
    return set(type, f -> true, fields);
  }

  /** Changes fields of the facts of this type that match. */
  ExampleFacts set(String type, Predicate<JsonObject> which, Map<String, ?> fields) {
    for (int i = 0; i < facts.size(); i++) {
      JsonObject f = facts.get(i);
      if (f.getString("type").equals(type) && which.test(f)) {
        JsonObjectBuilder b = Json.createObjectBuilder(f);
        fields.forEach((k, v) -> b.add(k, FactsJson.toJson(v)));
        facts.set(i, b.build());
      }
    }
    return this;
  }

  ExampleFacts remove(String type) {
    facts.removeIf(f -> f.getString("type").equals(type));
    return this;
  }

  ExampleFacts add(String type, Map<String, ?> fields) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("type", type);
    fields.forEach((k, v) -> b.add(k, FactsJson.toJson(v)));
    facts.add(b.build());
    return this;
  }

  List<Fact> facts() {
    JsonArrayBuilder a = Json.createArrayBuilder();
    facts.forEach(a::add);
    try {
      return FactsJson.read(a.build().toString());
    } catch (FactsJson.FactsException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Field names and values, alternating: for facts with more fields than Map.of takes. */
  static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  static Predicate<JsonObject> where(String field, String value) {
    return f -> value.equals(f.getString(field, ""));
  }
}
