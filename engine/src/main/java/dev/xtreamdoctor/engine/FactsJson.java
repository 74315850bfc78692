package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Outcome;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Facts to and from JSON. A facts file is {@code {"facts": [{"type": "DnsAnswer", ...}, ...]}} (or
 * just the array); a field left out takes its type's empty value ("", 0, false, []). Helpdesk tools
 * hand in what they already know the same way.
 */
public final class FactsJson {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  private FactsJson() {}

  /** A facts document that cannot be read; the message names the problem in one line. */
  public static final class FactsException extends Exception {
    private static final long serialVersionUID = 1L;

    public FactsException(String message) {
      super(message);
    }
  }

  /** The most a facts document may hold, in characters: far beyond any real one (a few KB). */
  public static final long MAX_CHARS = 4L << 20;

  /** What a facts document may hold; see {@link StrictJson}. */
  public static final StrictJson.Limits LIMITS = StrictJson.Limits.defaults(MAX_CHARS);

  public static List<Fact> read(String json) throws FactsException {
    try {
      return facts(StrictJson.read(json, LIMITS));
    } catch (StrictJson.Invalid e) {
      throw new FactsException(e.getMessage());
    }
  }

  /**
   * Reads a facts document of at most {@link #MAX_CHARS} characters from {@code in}.
   *
   * @throws IOException when reading fails
   */
  public static List<Fact> read(Reader in) throws FactsException, IOException {
    try {
      return facts(StrictJson.read(in, LIMITS));
    } catch (StrictJson.Invalid e) {
      throw new FactsException(e.getMessage());
    }
  }

  private static List<Fact> facts(JsonValue root) throws FactsException {
    JsonArray list;
    if (root instanceof JsonArray a) {
      list = a;
    } else if (root instanceof JsonObject o && o.get("facts") instanceof JsonArray a) {
      // other members (a description, or a whole JSON diagnosis around its facts) are left alone
      list = a;
    } else {
      throw new FactsException("expected {\"facts\": [...]} or a JSON array of facts");
    }
    List<Fact> facts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof JsonObject o)) {
        throw new FactsException("fact #" + (i + 1) + " is not a JSON object");
      }
      facts.add(readFact(o, i + 1));
    }
    return facts;
  }

  private static Fact readFact(JsonObject o, int index) throws FactsException {
    final String at = "fact #" + index;
    if (!(o.get("type") instanceof JsonString t)) {
      throw new FactsException(at + " has no \"type\" (one of " + observationNames() + ")");
    }
    String typeName = t.getString();
    Class<? extends Fact> type =
        FactModel.OBSERVATIONS.stream()
            .filter(c -> c.getSimpleName().equals(typeName))
            .findFirst()
            .orElseThrow(
                () ->
                    new FactsException(
                        at
                            + ": unknown fact type \""
                            + typeName
                            + "\""
                            + FactModel.closest(typeName, observationNames())
                                .map(n -> " (did you mean " + n + "?)")
                                .orElse(
                                    " (known: " + String.join(", ", observationNames()) + ")")));
    String where = at + " (" + typeName + ")";
    RecordComponent[] components = type.getRecordComponents();
    List<String> names = FactModel.fields(type);
    for (String key : o.keySet()) {
      if (!key.equals("type") && !names.contains(key)) {
        throw new FactsException(
            where
                + ": unknown field \""
                + key
                + "\""
                + FactModel.closest(key, names).map(n -> " (did you mean " + n + "?)").orElse(""));
      }
    }
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      args[i] = value(c, o.get(c.getName()), where);
    }
    if (o.get("outcome") instanceof JsonString outcome) {
      Set<String> allowed = Outcome.BY_FACT.get(typeName);
      if (allowed != null && !allowed.contains(outcome.getString())) {
        throw new FactsException(
            where
                + ": unknown outcome \""
                + outcome.getString()
                + "\""
                + FactModel.closest(outcome.getString(), allowed)
                    .map(n -> " (did you mean " + n + "?)")
                    .orElse(
                        " (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
      }
    }
    try {
      Constructor<? extends Fact> ctor = type.getDeclaredConstructor(types);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new FactsException(where + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("fact type " + typeName + " cannot be built", e);
    }
  }

  private static Object value(RecordComponent c, JsonValue v, String where) throws FactsException {
    Class<?> t = c.getType();
    String field = where + ": field \"" + c.getName() + "\"";
    if (v != null && v.getValueType() == JsonValue.ValueType.NULL) {
      throw new FactsException(field + " is null; leave the field out for its empty value");
    }
    boolean absent = v == null;
    if (t == String.class) {
      if (absent) {
        return "";
      }
      if (v instanceof JsonString s) {
        return s.getString();
      }
      if (v instanceof JsonNumber n) {
        return n.toString();
      }
      throw new FactsException(field + " must be a string");
    }
    if (t == boolean.class) {
      if (absent) {
        return false;
      }
      if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
        return v == JsonValue.TRUE;
      }
      throw new FactsException(field + " must be true or false");
    }
    if (t == int.class || t == long.class || t == double.class) {
      if (absent) {
        return t == int.class ? (Object) 0 : t == long.class ? (Object) 0L : (Object) 0.0;
      }
      return inRange(c.getName(), t, number(v, field), field);
    }
    if (t == List.class && c.getGenericType() instanceof ParameterizedType) {
      if (absent) {
        return List.of();
      }
      if (!(v instanceof JsonArray a)) {
        throw new FactsException(field + " must be a list of strings");
      }
      List<String> out = new ArrayList<>();
      for (JsonValue item : a) {
        if (!(item instanceof JsonString s)) {
          throw new FactsException(field + " must be a list of strings");
        }
        out.add(s.getString());
      }
      return out;
    }
    throw new IllegalStateException("unsupported field type " + t + " in " + where);
  }

  /**
   * A number within what its field can mean: ports 0-65535, HTTP statuses 0-999, {@code auth} and
   * {@code expDate} -1 (absent, unreadable) or more, times and every other count 0 or more, and
   * within the Java type.
   */
  private static Object inRange(String name, Class<?> t, JsonNumber n, String field)
      throws FactsException {
    BigDecimal value = n.bigDecimalValue();
    long min = name.equals("auth") || name.equals("expDate") ? -1 : 0;
    long max =
        name.equals("port") || name.endsWith("Port")
            ? 65535
            : name.equals("status") ? 999 : t == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (t == double.class) {
      double d = value.doubleValue();
      if (!Double.isFinite(d) || d < min) {
        throw new FactsException(field + " must be a number of " + min + " or more");
      }
      return d;
    }
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw new FactsException(field + " must be a whole number");
    }
    if (value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw new FactsException(field + " must be a whole number from " + min + " to " + max);
    }
    return t == int.class ? (Object) value.intValue() : (Object) value.longValue();
  }

  private static JsonNumber number(JsonValue v, String field) throws FactsException {
    if (v instanceof JsonNumber n) {
      return n;
    }
    if (v instanceof JsonString s) {
      String text = s.getString().strip();
      if (text.length() > LIMITS.maxNumberChars()) {
        throw new FactsException(field + " must be a number");
      }
      try {
        return JSON.createValue(new BigDecimal(text));
      } catch (NumberFormatException e) {
        throw new FactsException(field + " must be a number");
      }
    }
    throw new FactsException(field + " must be a number");
  }

  private static List<String> observationNames() {
    return FactModel.OBSERVATIONS.stream().map(Class::getSimpleName).toList();
  }

  /** One fact as a JSON object with its "type" first. */
  public static JsonObject write(Record fact) {
    JsonObjectBuilder b = JSON.createObjectBuilder().add("type", fact.getClass().getSimpleName());
    for (RecordComponent c : fact.getClass().getRecordComponents()) {
      try {
        b.add(c.getName(), toJson(c.getAccessor().invoke(fact)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c.getName(), e);
      }
    }
    return b.build();
  }

  public static JsonArray writeAll(List<? extends Record> facts) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    facts.forEach(f -> a.add(write(f)));
    return a.build();
  }

  /** A Java value as JSON: what {@link #write} puts in each field. */
  static JsonValue toJson(Object v) {
    if (v == null) {
      return JsonValue.NULL;
    }
    if (v instanceof String s) {
      return JSON.createValue(s);
    }
    if (v instanceof Integer i) {
      return JSON.createValue(i);
    }
    if (v instanceof Long l) {
      return JSON.createValue(l);
    }
    if (v instanceof Double d) {
      return JSON.createValue(d);
    }
    if (v instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (v instanceof List<?> list) {
      JsonArrayBuilder a = JSON.createArrayBuilder();
      list.forEach(x -> a.add(toJson(x)));
      return a.build();
    }
    if (v instanceof java.util.Map<?, ?> map) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      map.forEach((k, x) -> o.add(String.valueOf(k), toJson(x)));
      return o.build();
    }
    return JSON.createValue(String.valueOf(v));
  }
}
