package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.LoginAnswer;
import dev.xtreamdoctor.engine.facts.Outcome;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the panel's login JSON the way real panels write it: numbers as strings or ints, booleans
 * as 1/"1"/true, {@code exp_date} null, "" or "0" for unlimited, {@code https_port} "".
 */
final class LoginAnswerReader {
  private LoginAnswerReader() {}

  /** The login answer in {@code body}: its JSON, even behind a byte-order mark or PHP warnings. */
  static LoginAnswer read(byte[] body) {
    ResponseSignals.JsonPart part = ResponseSignals.JsonPart.locate(body);
    JsonStructure json = part == null ? null : part.value();
    if (json == null) {
      return empty(Outcome.PANEL_ANSWER_MALFORMED);
    }
    if (!(json instanceof JsonObject root) || !(root.get("user_info") instanceof JsonObject user)) {
      return empty(Outcome.PANEL_ANSWER_UNEXPECTED);
    }
    JsonObject server =
        root.get("server_info") instanceof JsonObject s ? s : JsonValue.EMPTY_JSON_OBJECT;
    int auth = user.containsKey("auth") ? intOf(user.get("auth"), -1) : -1;
    String outcome =
        auth == 1
            ? Outcome.PANEL_LOGIN_OK
            : auth == 0 ? Outcome.PANEL_AUTH_REJECTED : Outcome.PANEL_ANSWER_UNEXPECTED;
    String family =
        truthy(server.get("xui"))
            ? "xui"
            : root.get("server_info") instanceof JsonObject ? "xc2" : "unknown";
    return new LoginAnswer(
        outcome,
        auth,
        text(user.get("status")),
        expiry(user.get("exp_date")),
        number(server.get("timestamp_now"), 0),
        truthy(user.get("is_trial")),
        intOf(user.get("active_cons"), 0),
        intOf(user.get("max_connections"), 0),
        family,
        text(server.get("server_protocol")),
        text(server.get("port")),
        text(server.get("https_port")));
  }

  private static LoginAnswer empty(String outcome) {
    return new LoginAnswer(outcome, -1, "", 0, 0, false, 0, 0, "unknown", "", "", "");
  }

  /** Unix seconds; 0 for unlimited (null, "", "0"); ISO dates accepted; -1 if unreadable. */
  static long expiry(JsonValue v) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return 0;
    }
    String s = text(v).strip();
    if (s.isEmpty()
        || s.equals("0")
        || s.equalsIgnoreCase("null")
        || s.equalsIgnoreCase("unlimited")) {
      return 0;
    }
    long n = number(v, Long.MIN_VALUE);
    if (n != Long.MIN_VALUE) {
      return Math.max(n, 0);
    }
    try {
      return LocalDate.parse(s).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // not a date alone; maybe a date and time
    }
    try {
      return OffsetDateTime.parse(s).toEpochSecond();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  static long number(JsonValue v, long fallback) {
    if (v == null) {
      return fallback;
    }
    switch (v.getValueType()) {
      case NUMBER:
        try {
          // exactly, or not at all: longValue() keeps the low bits, and 2^64 + 1 would read as 1
          return ((JsonNumber) v)
              .bigDecimalValue()
              .setScale(0, java.math.RoundingMode.DOWN)
              .longValueExact();
        } catch (ArithmeticException e) {
          return fallback;
        }
      case TRUE:
        return 1;
      case FALSE:
        return 0;
      case STRING:
        String s = ((JsonString) v).getString().strip();
        if (s.equalsIgnoreCase("true")) {
          return 1;
        }
        if (s.equalsIgnoreCase("false")) {
          return 0;
        }
        try {
          return s.length() > 40
              ? fallback
              : new java.math.BigDecimal(s)
                  .setScale(0, java.math.RoundingMode.DOWN)
                  .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
          return fallback;
        }
      default:
        return fallback;
    }
  }

  /** A number that must fit an int (auth 4294967297 is not 1): the fallback when it does not. */
  static int intOf(JsonValue v, int fallback) {
    long n = number(v, fallback);
    return n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? fallback : (int) n;
  }

  static boolean truthy(JsonValue v) {
    return number(v, 0) != 0;
  }

  static String text(JsonValue v) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    return v.toString();
  }
}
