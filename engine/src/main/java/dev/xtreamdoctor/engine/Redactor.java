package dev.xtreamdoctor.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the password out of everything shown, logged or stored. Xtream Codes credentials travel in
 * URLs ({@code ?username=..&password=..}, {@code http://user:pass@host}, {@code
 * /live/user/pass/1.ts}), so every URL is masked before it leaves a probe or a rendering, and any
 * text that may echo the password (a server's error page, an exception message) is scrubbed.
 */
public final class Redactor {
  /** What a masked secret reads as. */
  public static final String MASK = "***";

  // password=... up to the next separator; also pass=, pwd= as some panels and apps use them.
  // The look-behind (not a word character before) keeps the scan cheap on long texts.
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)(?<![a-z0-9_])(password|passwd|pass|pwd)=([^&#\\s\"'<>]*)");
  // scheme://user:password@host
  private static final Pattern USERINFO =
      Pattern.compile("(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*://[^/@\\s:\"'<>]*):([^@/\\s\"'<>]*)@");
  // /live/USER/PASS/123.ts, /movie/.., /series/.., /timeshift/USER/PASS/..: the password in the
  // path.
  private static final Pattern STREAM_PATH =
      Pattern.compile("(?i)(/(?:live|movie|series|timeshift)/[^/\\s\"'<>]+/)([^/\\s\"'<>]+)(/)");

  private Redactor() {}

  /** The text with any password in a URL (query, user info or stream path) replaced by ***. */
  public static String maskUrl(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    // Each pattern runs only where its marker appears: renderings pass every output through here.
    String out = text;
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (text.indexOf('=') >= 0 && (lower.contains("pass") || lower.contains("pwd"))) {
      out =
          PASSWORD_PARAM
              .matcher(out)
              .replaceAll(m -> quote(m.group(1) + "=" + maskIfAny(m.group(2))));
    }
    if (out.indexOf('@') >= 0 && out.contains("://")) {
      out = USERINFO.matcher(out).replaceAll(m -> quote(m.group(1) + ":" + MASK + "@"));
    }
    if (lower.contains("/live/")
        || lower.contains("/movie/")
        || lower.contains("/series/")
        || lower.contains("/timeshift/")) {
      out = STREAM_PATH.matcher(out).replaceAll(m -> quote(m.group(1) + MASK + m.group(3)));
    }
    return out;
  }

  /**
   * The text with every form of the secret replaced by ***: as typed, URL-encoded, JSON-escaped and
   * base64-encoded (also inside a longer base64 string such as HTTP Basic's {@code user:pass}).
   * URLs are masked too.
   */
  public static String scrub(String text, String secret) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (secret != null && !secret.isEmpty()) {
      for (String form : forms(secret)) {
        out = out.replace(form, MASK);
      }
    }
    return maskUrl(out);
  }

  /** Every way the secret may be spelt in a text, longest first so no form is left half-masked. */
  static Set<String> forms(String secret) {
    Set<String> forms = new LinkedHashSet<>(textForms(secret));
    forms.addAll(base64Cores(secret));
    return forms.stream()
        .filter(f -> !f.isEmpty())
        .sorted((a, b) -> Integer.compare(b.length(), a.length()))
        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The secret as it may appear in text: as typed, URL-encoded ({@code +} or {@code %20} for a
   * space) and JSON-escaped (with and without escaped slashes and non-ASCII, as PHP, Parsson and
   * others write it). Unlike base64, these forms keep their meaning when a page changes their case.
   */
  public static Set<String> textForms(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    forms.add(jsonEscaped(secret, false, false));
    forms.add(jsonEscaped(secret, true, false));
    forms.add(jsonEscaped(secret, false, true));
    forms.add(phpJsonEscaped(secret));
    return forms;
  }

  /** PHP json_encode's form: slashes and non-ASCII escaped. */
  public static String phpJsonEscaped(String secret) {
    return jsonEscaped(secret, true, true);
  }

  /**
   * The base64 characters that depend on the secret's bytes alone, for each of the three ways the
   * secret can fall against base64's 3-byte groups: found inside any base64 text that embeds it.
   * Too short a core would mask innocent text, so cores under four characters are left out.
   */
  static Set<String> base64Cores(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    Set<String> cores = new LinkedHashSet<>();
    for (Base64.Encoder encoder :
        new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
      for (int shift = 0; shift < 3; shift++) {
        byte[] shifted = new byte[shift + bytes.length];
        System.arraycopy(bytes, 0, shifted, shift, bytes.length);
        String encoded = encoder.encodeToString(shifted);
        int from = (8 * shift + 5) / 6;
        int to = (8 * (shift + bytes.length)) / 6;
        if (to - from >= 4) {
          cores.add(encoded.substring(from, to));
        }
      }
    }
    return cores;
  }

  /** JSON writers differ: some escape '/', some write non-ASCII as \\u escapes. */
  private static String jsonEscaped(String s, boolean slash, boolean asciiOnly) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '/' -> b.append(slash ? "\\/" : "/");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || (asciiOnly && c > 0x7e)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static String maskIfAny(String value) {
    return value.isEmpty() ? value : MASK;
  }

  private static String quote(String s) {
    return Matcher.quoteReplacement(s);
  }
}
