package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.PageSignals;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an HTTP answer looks like: the shape of its body and the tell-tale signs of known pages (the
 * words of most are data, {@link PageSignals}). Observations only; the rules decide what they mean.
 */
final class ResponseSignals {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String XUI_PADDING = "a padding to disable MSIE and Chrome friendly error page";

  private ResponseSignals() {}

  static String bodyShape(byte[] body, String contentType) {
    String head = text(body, 512).strip();
    if (head.startsWith("\uFEFF")) {
      head = head.substring(1).strip();
    }
    if (head.isEmpty()) {
      return "empty";
    }
    if (head.startsWith("{") || head.startsWith("[")) {
      return "json";
    }
    String lower = head.toLowerCase(Locale.ROOT);
    String type = contentType.toLowerCase(Locale.ROOT);
    if (type.contains("html")
        || lower.startsWith("<!doctype")
        || lower.startsWith("<html")
        || lower.contains("<head")
        || lower.contains("<body")) {
      return "html";
    }
    return "other";
  }

  /**
   * The signals of an answer: those that need more than words (XUI's padded 404, a Cloudflare
   * error, a JSON login answer) found here, and the words and patterns of the rule set's page
   * signals ({@code rules/page-signals.txt}) looked for in any page that is not JSON.
   */
  static List<String> signals(
      int status, String server, String cfRay, String shape, byte[] body, PageSignals pages) {
    List<String> out = new ArrayList<>();
    JsonPart json = JsonPart.locate(body);
    String page = text(body, body.length);
    String lower = page.toLowerCase(Locale.ROOT);
    if (status == 404 && count(lower, XUI_PADDING.toLowerCase(Locale.ROOT)) >= 6) {
      out.add(Vocabulary.XUI_PADDED_404);
    }
    if (!shape.equals("json")) {
      for (String signal : pages.match(page)) {
        if (!out.contains(signal)) {
          out.add(signal);
        }
      }
    }
    boolean cloudflare = server.equalsIgnoreCase("cloudflare") || !cfRay.isEmpty();
    if (cloudflare && status >= 520 && status <= 530
        || shape.equals("html") && lower.contains("cloudflare") && lower.contains("cf-error")) {
      out.add(Vocabulary.CLOUDFLARE_ERROR_PAGE);
    }
    if (json != null
        && json.value() instanceof JsonObject o
        && o.get("user_info") instanceof JsonObject) {
      out.add(Vocabulary.USER_INFO);
      if (json.bom()) {
        out.add(Vocabulary.BOM);
      }
      if (json.textBefore()) {
        out.add(Vocabulary.TEXT_BEFORE_JSON);
      }
      if (json.textAfter()) {
        out.add(Vocabulary.TEXT_AFTER_JSON);
      }
    }
    return out;
  }

  /**
   * The JSON object a body holds, even behind a byte-order mark or PHP warnings, or followed by
   * more text: a panel with display_errors on prints its warnings around its answer.
   *
   * @param value the first complete JSON value found
   * @param bom the body started with a UTF-8 byte-order mark
   * @param textBefore other text came before the JSON
   * @param textAfter other text came after it
   */
  record JsonPart(JsonStructure value, boolean bom, boolean textBefore, boolean textAfter) {
    /** Null when no whole JSON object can be found. */
    static JsonPart locate(byte[] body) {
      String text = new String(body, StandardCharsets.UTF_8);
      boolean bom = text.startsWith("\uFEFF");
      if (bom) {
        text = text.substring(1);
      }
      String trimmed = text.strip();
      if (trimmed.isEmpty()) {
        return null;
      }
      int start = text.indexOf(trimmed.charAt(0));
      if (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[') {
        // JSON from the start; the reader would not notice text after it, so the end is looked at
        Located whole = firstValue(text, start);
        if (whole != null) {
          return new JsonPart(whole.value(), bom, false, !text.substring(whole.end()).isBlank());
        }
      }
      // Look for an object after some text; a few tries at most, never a scan of every brace.
      int from = 0;
      for (int tries = 0; tries < 8; tries++) {
        int open = text.indexOf("{\"", from);
        if (open < 0) {
          return null;
        }
        Located found = firstValue(text, open);
        if (found != null) {
          return new JsonPart(
              found.value(),
              bom,
              !text.substring(0, open).isBlank(),
              !text.substring(found.end()).isBlank());
        }
        from = open + 1;
      }
      return null;
    }

    private record Located(JsonStructure value, int end) {}

    /** The complete JSON value starting at {@code start}, and where it ends, or null. */
    private static Located firstValue(String text, int start) {
      try (jakarta.json.stream.JsonParser p =
          JSON.createParser(new java.io.StringReader(text.substring(start)))) {
        if (!p.hasNext()) {
          return null;
        }
        p.next();
        JsonValue v = p.getValue();
        if (!(v instanceof JsonStructure s)) {
          return null;
        }
        return new Located(s, start + (int) p.getLocation().getStreamOffset());
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  private static String text(byte[] body, int max) {
    return new String(body, 0, Math.min(max, body.length), StandardCharsets.UTF_8);
  }
}
