package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.DiagnosisRequest;
import dev.xtreamdoctor.engine.Devices;
import dev.xtreamdoctor.engine.Languages;
import dev.xtreamdoctor.engine.StrictJson;
import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.probes.ProbeRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.List;

/**
 * Reads the body of {@code POST /v1/diagnoses}: server, username, password and what the user
 * reported. Unknown fields and out-of-range values are refused with one line that names the field,
 * never its value.
 */
final class DiagnosisBody {
  static final List<String> FIELDS = List.of("server", "username", "password", "symptoms", "lang");
  static final List<String> SYMPTOM_FIELDS =
      List.of(
          "appMessage",
          "device",
          "worksOnMobileData",
          "worksOnVpn",
          "worksOnOtherDevice",
          "failsAtPeakHours",
          "vantage");
  static final List<String> VANTAGES = ReportedSymptoms.VANTAGES;
  private static final int MAX_FIELD = ProbeRequest.MAX_CHARS;
  private static final StrictJson.Limits LIMITS = StrictJson.Limits.defaults(1L << 20);

  /** A body that cannot be used; the message names the field, not its content. */
  static final class BadBody extends Exception {
    private static final long serialVersionUID = 1L;

    BadBody(String message) {
      super(message);
    }
  }

  /**
   * The request, and the raw password for scrubbing any message that might quote it.
   *
   * @param request the request
   * @param password the password as sent, or empty
   */
  record Read(DiagnosisRequest request, String password) {
    @Override
    public String toString() {
      return "Read[" + request + "]";
    }
  }

  private DiagnosisBody() {}

  static JsonObject object(String body) throws BadBody {
    JsonValue v;
    try {
      v = StrictJson.read(body, LIMITS);
    } catch (StrictJson.Invalid e) {
      throw new BadBody("the body: " + e.getMessage());
    }
    if (!(v instanceof JsonObject o)) {
      throw new BadBody("the body must be a JSON object");
    }
    return o;
  }

  /**
   * @param appMessages the codes the rules in use list for what an app shows
   * @param devices the devices the rules in use list
   * @param languages the languages the rules in use have words in
   */
  static Read read(
      String body, Collection<String> appMessages, Devices devices, Collection<String> languages)
      throws BadBody {
    JsonObject o = object(body);
    for (String k : o.keySet()) {
      if (!FIELDS.contains(k)) {
        throw new BadBody("unknown field \"" + printable(k) + "\"; expected " + FIELDS);
      }
    }
    String server = text(o, "server", true);
    String username = text(o, "username", false);
    String password = text(o, "password", false);
    DiagnosisRequest.Builder b = DiagnosisRequest.forServer(server).username(username);
    String lang = text(o, "lang", false);
    if (lang != null && !lang.isBlank()) {
      b.language(
          Languages.match(lang, languages)
              .orElseThrow(() -> new BadBody("\"lang\" must be one of " + List.copyOf(languages))));
    }
    if (password != null) {
      b.password(password.toCharArray());
    }
    if (o.containsKey("symptoms") && o.get("symptoms") != JsonValue.NULL) {
      if (!(o.get("symptoms") instanceof JsonObject s)) {
        throw new BadBody("\"symptoms\" must be an object");
      }
      b.symptoms(symptoms(s, appMessages, devices));
    }
    return new Read(b.build(), password == null ? "" : password);
  }

  static ReportedSymptoms symptoms(JsonObject s, Collection<String> appMessages, Devices devices)
      throws BadBody {
    for (String k : s.keySet()) {
      if (!SYMPTOM_FIELDS.contains(k)) {
        throw new BadBody("unknown symptom \"" + printable(k) + "\"; expected " + SYMPTOM_FIELDS);
      }
    }
    String app = oneOf(s, "appMessage", List.copyOf(appMessages));
    String typed = orEmpty(text(s, "device", false));
    String device = "";
    if (!typed.isBlank()) {
      device =
          devices
              .code(typed)
              .orElseThrow(() -> new BadBody("\"device\": " + devices.refusal(typed, false)));
    }
    return new ReportedSymptoms(
        app,
        device,
        yesNo(s, "worksOnMobileData"),
        yesNo(s, "worksOnVpn"),
        yesNo(s, "worksOnOtherDevice"),
        yesNo(s, "failsAtPeakHours"),
        oneOf(s, "vantage", VANTAGES));
  }

  private static String oneOf(JsonObject o, String field, List<String> allowed) throws BadBody {
    String v = orEmpty(text(o, field, false));
    if (!v.isEmpty() && !allowed.contains(v)) {
      throw new BadBody("\"" + field + "\" must be one of " + allowed);
    }
    return v;
  }

  private static String yesNo(JsonObject o, String field) throws BadBody {
    JsonValue v = o.get(field);
    if (v == null || v == JsonValue.NULL) {
      return "";
    }
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      return v == JsonValue.TRUE ? "yes" : "no";
    }
    if (v instanceof JsonString js
        && (js.getString().isEmpty() || ReportedSymptoms.ANSWERS.contains(js.getString()))) {
      return js.getString();
    }
    throw new BadBody("\"" + field + "\" must be true, false, \"yes\" or \"no\"");
  }

  private static String text(JsonObject o, String field, boolean required) throws BadBody {
    JsonValue v = o.get(field);
    if (v == null || v == JsonValue.NULL) {
      if (required) {
        throw new BadBody("\"" + field + "\" is required");
      }
      return null;
    }
    if (!(v instanceof JsonString s)) {
      throw new BadBody("\"" + field + "\" must be a string");
    }
    if (s.getString().length() > MAX_FIELD) {
      throw new BadBody("\"" + field + "\" is longer than " + MAX_FIELD + " characters");
    }
    return s.getString();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** A field name for a message: short, printable. */
  private static String printable(String s) {
    String p = s.replaceAll("[^A-Za-z0-9_.-]", "?");
    return p.length() > 40 ? p.substring(0, 40) + "..." : p;
  }
}
