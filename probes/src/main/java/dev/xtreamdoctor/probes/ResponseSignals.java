package dev.xtreamdoctor.probes;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an HTTP answer looks like: the shape of its body and the tell-tale signs of known pages.
 * Observations only; the rules decide what they mean.
 */
final class ResponseSignals {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String XUI_PADDING = "a padding to disable MSIE and Chrome friendly error page";
  static final String PLAIN_HTTP_TO_TLS = "the plain http request was sent to https port";

  private static final List<String> DEFAULT_PAGES =
      List.of(
          "welcome to nginx!",
          "apache2 ubuntu default page",
          "apache2 debian default page",
          "<h1>it works!</h1>",
          "test page for the apache http server",
          "iis windows server",
          "welcome to centos",
          "welcome to openresty",
          "litespeed web server</title>",
          "web server's default page");

  private static final Pattern BLOCK_PAGE =
      Pattern.compile(
          "(has been blocked|access to this (web)?site (has been |is )?(blocked|restricted|denied)"
              + "|blocked (by|pursuant to|in accordance with) (a )?(court|order|the law)|court order"
              + "|this (web)?site is blocked|piracy shield|sito (e'|è) (stato )?(inibito|bloccato)"
              + "|accès à ce site|zugang zu dieser (webseite|website) wurde gesperrt)");

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
    if (type.contains("html") || lower.startsWith("<!doctype") || lower.startsWith("<html")
        || lower.contains("<head") || lower.contains("<body")) {
      return "html";
    }
    return "other";
  }

  static List<String> signals(
      int status, String server, String cfRay, String shape, byte[] body) {
    List<String> out = new ArrayList<>();
    String lower = text(body, body.length).toLowerCase(Locale.ROOT);
    if (status == 404 && count(lower, XUI_PADDING.toLowerCase(Locale.ROOT)) >= 6) {
      out.add("xui_padded_404");
    }
    if (lower.contains(PLAIN_HTTP_TO_TLS)) {
      out.add("plain_http_to_tls_port");
    }
    if (shape.equals("html") && BLOCK_PAGE.matcher(lower).find()) {
      out.add("block_page");
    }
    if (shape.equals("html") && DEFAULT_PAGES.stream().anyMatch(lower::contains)) {
      out.add("web_server_default_page");
    }
    boolean cloudflare = server.equalsIgnoreCase("cloudflare") || !cfRay.isEmpty();
    if (cloudflare && status >= 520 && status <= 530
        || shape.equals("html") && lower.contains("cloudflare") && lower.contains("cf-error")) {
      out.add("cloudflare_error_page");
    }
    if (shape.equals("json") && hasUserInfo(body)) {
      out.add("user_info");
    }
    return out;
  }

  static boolean hasUserInfo(byte[] body) {
    JsonValue v = parse(body);
    return v instanceof JsonObject o && o.get("user_info") instanceof JsonObject;
  }

  /** The body as JSON, or null if it is not valid JSON. */
  static JsonStructure parse(byte[] body) {
    try (JsonReader r = JSON.createReader(new ByteArrayInputStream(body))) {
      return r.read();
    } catch (RuntimeException e) {
      return null;
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
