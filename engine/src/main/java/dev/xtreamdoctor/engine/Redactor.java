package dev.xtreamdoctor.engine;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the password out of everything shown, logged or stored: the one place that knows how a
 * password can be spelt. Xtream Codes credentials travel in URLs ({@code ?username=..&password=..},
 * {@code http://user:pass@host}, {@code /live/user/pass/1.ts}), so every URL is masked before it
 * leaves a probe or a rendering ({@link #maskUrl}); and a text that may echo the password (a
 * panel's header, status or error page, an exception message) is scrubbed of every spelling of it
 * by a {@link #of Redactor bound to the password}:
 *
 * <ul>
 *   <li>as typed, in any letter case;
 *   <li>percent-encoded in any way (form encoding with {@code +} for a space, RFC 3986, {@code
 *       encodeURIComponent}'s, upper- or lower-case hex, even twice), JSON-escaped ({@code \/},
 *       {@code \\u00e9}) or as HTML character references ({@code &#233;}, {@code &amp;}), and any
 *       mix of those, by searching a decoded view of the text;
 *   <li>as its UTF-8 bytes read as ISO-8859-1 or windows-1252 (what a header echoing the password
 *       becomes, since HTTP headers are read as ISO-8859-1), in each of those spellings too;
 *   <li>base64-encoded, also inside a longer base64 text such as HTTP Basic's {@code user:pass}.
 * </ul>
 *
 * Passwords shorter than {@value #MIN_SECRET_LENGTH} characters are left to URL masking alone:
 * masking every "a" in a text hides more than it protects.
 */
public final class Redactor {
  /** What a masked secret reads as. */
  public static final String MASK = "***";

  /** Shorter secrets would mask ordinary words; their leak would reveal next to nothing. */
  public static final int MIN_SECRET_LENGTH = 3;

  // password=... up to the next separator; also pass=, pwd= as some panels and apps use them.
  // The look-behind (not a word character before) keeps the scan cheap on long texts.
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)(?<![a-z0-9_])(password|passwd|pass|pwd)=([^&#\\s\"'<>]*)");
  // scheme://user:password@host
  private static final Pattern USERINFO =
      Pattern.compile(
          "(?i)(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*://[^/@\\s:\"'<>]*):([^@/\\s\"'<>]*)@");
  // /live/USER/PASS/123.ts, /movie/.., /series/.., /timeshift/USER/PASS/..: the password in the
  // path.
  private static final Pattern STREAM_PATH =
      Pattern.compile("(?i)(/(?:live|movie|series|timeshift)/[^/\\s\"'<>]+/)([^/\\s\"'<>]+)(/)");

  private static final Redactor NONE = new Redactor(List.of(), List.of());

  private static final Map<String, Character> NAMED_ENTITIES =
      Map.of("amp", '&', "lt", '<', "gt", '>', "quot", '"', "apos", '\'', "nbsp", '\u00a0');

  /** Every spelling searched for in the decoded views, letter case aside. */
  private final List<String> spellings;

  /** The secrets' base64 cores, searched exactly (base64 is case-sensitive). */
  private final List<String> base64;

  private Redactor(List<String> spellings, List<String> base64) {
    this.spellings = spellings;
    this.base64 = base64;
  }

  /** A redactor that masks URLs only. */
  public static Redactor none() {
    return NONE;
  }

  /**
   * A redactor for these secrets (null and too short ones are ignored); each also as trimmed of
   * surrounding white space, since the trimmed login variant sends that.
   */
  public static Redactor of(Collection<String> secrets) {
    Set<String> all = new LinkedHashSet<>();
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_SECRET_LENGTH) {
        all.add(s);
        if (s.strip().length() >= MIN_SECRET_LENGTH) {
          all.add(s.strip());
        }
      }
    }
    if (all.isEmpty()) {
      return NONE;
    }
    Set<String> spellings = new LinkedHashSet<>();
    Set<String> cores = new LinkedHashSet<>();
    for (String s : all) {
      spellings.add(s);
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      spellings.add(new String(utf8, StandardCharsets.ISO_8859_1));
      spellings.add(windows1252(utf8));
      cores.addAll(base64Cores(s));
    }
    List<String> sorted = new ArrayList<>(spellings);
    sorted.sort((a, b) -> Integer.compare(b.length(), a.length()));
    return new Redactor(List.copyOf(sorted), List.copyOf(cores));
  }

  /** A redactor for one secret. */
  public static Redactor of(String secret) {
    return of(secret == null ? List.of() : List.of(secret));
  }

  /** The text with every spelling of the secret masked, and passwords in URLs masked. */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String out = text;
    if (!spellings.isEmpty()) {
      out = mask(out, View.of(out));
      out = mask(out, View.of(out).decoded(true));
      out = mask(out, View.of(out).decoded(false));
      out = mask(out, View.of(out).decoded(true).decoded(true));
      for (String core : base64) {
        out = out.replace(core, MASK);
      }
    }
    return maskUrl(out);
  }

  /** The text with every spelling of {@code secret} masked; see {@link #of(String)}. */
  public static String scrub(String text, String secret) {
    return of(secret).scrub(text);
  }

  /** Masks, in the original text, every place whose decoded view spells a secret. */
  private String mask(String original, View view) {
    boolean[] hit = null;
    String v = view.text;
    for (String s : spellings) {
      if (s.length() > v.length()) {
        continue;
      }
      char first = s.charAt(0);
      for (int i = 0; i + s.length() <= v.length(); i++) {
        if (sameLetter(v.charAt(i), first) && v.regionMatches(true, i, s, 0, s.length())) {
          if (hit == null) {
            hit = new boolean[original.length()];
          }
          for (int o = view.start[i]; o < view.end[i + s.length() - 1]; o++) {
            hit[o] = true;
          }
          i += s.length() - 1;
        }
      }
    }
    if (hit == null) {
      return original;
    }
    StringBuilder b = new StringBuilder(original.length());
    for (int i = 0; i < original.length(); i++) {
      if (!hit[i]) {
        b.append(original.charAt(i));
      } else if (i == 0 || !hit[i - 1]) {
        b.append(MASK);
      }
    }
    return b.toString();
  }

  private static boolean sameLetter(char a, char b) {
    return a == b
        || Character.toLowerCase(a) == Character.toLowerCase(b)
        || Character.toUpperCase(a) == Character.toUpperCase(b);
  }

  /**
   * A text as a reader would take it after undoing one layer of escaping (percent-encoding, JSON
   * and HTML escapes, and {@code +} as a space when asked), with where each of its characters came
   * from in the original.
   */
  private static final class View {
    final String text;
    final int[] start;
    final int[] end;

    View(String text, int[] start, int[] end) {
      this.text = text;
      this.start = start;
      this.end = end;
    }

    static View of(String text) {
      int[] start = new int[text.length()];
      int[] end = new int[text.length()];
      for (int i = 0; i < text.length(); i++) {
        start[i] = i;
        end[i] = i + 1;
      }
      return new View(text, start, end);
    }

    View decoded(boolean plusIsSpace) {
      String t = text;
      StringBuilder out = new StringBuilder(t.length());
      int[] s = new int[t.length()];
      int[] e = new int[t.length()];
      int i = 0;
      while (i < t.length()) {
        char c = t.charAt(i);
        Decoded d =
            switch (c) {
              case '%' -> percentRun(t, i);
              case '\\' -> backslashEscape(t, i);
              case '&' -> characterReference(t, i);
              case '+' -> plusIsSpace ? new Decoded(" ", 1) : null;
              default -> null;
            };
        if (d == null) {
          d = new Decoded(String.valueOf(c), 1);
        }
        int from = start[i];
        int to = end[i + d.consumed() - 1];
        for (int k = 0; k < d.text().length(); k++) {
          if (out.length() == s.length) {
            s = java.util.Arrays.copyOf(s, s.length * 2 + 1);
            e = java.util.Arrays.copyOf(e, e.length * 2 + 1);
          }
          s[out.length()] = from;
          e[out.length()] = to;
          out.append(d.text().charAt(k));
        }
        i += d.consumed();
      }
      return new View(out.toString(), s, e);
    }

    /** What an escape at some index stands for, and how many characters it took. */
    private record Decoded(String text, int consumed) {}

    /** A run of %XX: decoded together, as UTF-8 when it is, else byte by byte as Latin-1. */
    private static Decoded percentRun(String t, int i) {
      int j = i;
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      while (j + 2 < t.length()
          && t.charAt(j) == '%'
          && hex(t.charAt(j + 1)) >= 0
          && hex(t.charAt(j + 2)) >= 0) {
        bytes.write(hex(t.charAt(j + 1)) * 16 + hex(t.charAt(j + 2)));
        j += 3;
      }
      if (j == i) {
        return null;
      }
      String utf8 = strictUtf8(bytes.toByteArray());
      return new Decoded(
          utf8 != null ? utf8 : new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1),
          j - i);
    }

    /** A JSON (or JavaScript) backslash escape: four hex digits, a quote, a slash, a letter. */
    private static Decoded backslashEscape(String t, int i) {
      if (i + 1 >= t.length()) {
        return null;
      }
      char n = t.charAt(i + 1);
      if (n == 'u' && i + 5 < t.length() && hex4(t, i + 2) >= 0) {
        return new Decoded(String.valueOf((char) hex4(t, i + 2)), 6);
      } else if ("\"\\/".indexOf(n) >= 0) {
        return new Decoded(String.valueOf(n), 2);
      } else if ("nrtbf".indexOf(n) >= 0) {
        return new Decoded(String.valueOf("\n\r\t\b\f".charAt("nrtbf".indexOf(n))), 2);
      }
      return null;
    }

    /** An HTML character reference: &#64;, &#x40;, or a named one such as &amp;. */
    private static Decoded characterReference(String t, int i) {
      int semi = t.indexOf(';', i);
      if (semi <= i + 1 || semi - i > 10) {
        return null;
      }
      String ref = t.substring(i + 1, semi).toLowerCase(Locale.ROOT);
      Integer cp = null;
      try {
        if (ref.startsWith("#x")) {
          cp = Integer.parseInt(ref.substring(2), 16);
        } else if (ref.startsWith("#")) {
          cp = Integer.parseInt(ref.substring(1));
        }
      } catch (NumberFormatException ex) {
        cp = null;
      }
      if (cp == null && NAMED_ENTITIES.containsKey(ref)) {
        cp = (int) NAMED_ENTITIES.get(ref);
      }
      if (cp == null || !Character.isValidCodePoint(cp)) {
        return null;
      }
      return new Decoded(new String(Character.toChars(cp)), semi - i + 1);
    }

    private static int hex4(String t, int at) {
      int v = 0;
      for (int k = at; k < at + 4; k++) {
        int h = hex(t.charAt(k));
        if (h < 0) {
          return -1;
        }
        v = v * 16 + h;
      }
      return v;
    }

    private static int hex(char c) {
      return Character.digit(c, 16);
    }
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The bytes as windows-1252 shows them (as browsers and many tools read "Latin-1"). */
  private static String windows1252(byte[] bytes) {
    try {
      Charset cp1252 = Charset.forName("windows-1252");
      CharBuffer chars =
          cp1252
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException | IllegalArgumentException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** The text with any password in a URL (query, user info or stream path) replaced by ***. */
  public static String maskUrl(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    // Each pattern runs only where its marker appears: renderings pass every output through here.
    String out = text;
    String lower = text.toLowerCase(Locale.ROOT);
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
   * The secret as a few common writers spell it: as typed, form-encoded, RFC 3986 percent-encoded,
   * JSON-escaped (with and without escaped slashes and non-ASCII, as PHP, Parsson and others write
   * it), base64 and as its UTF-8 bytes read as ISO-8859-1. For tests that prove none of these leak;
   * {@link #scrub} finds more than these.
   */
  public static Set<String> textForms(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    forms.add(rfc3986(secret));
    forms.add(jsonEscaped(secret, false, false));
    forms.add(jsonEscaped(secret, true, false));
    forms.add(jsonEscaped(secret, false, true));
    forms.add(phpJsonEscaped(secret));
    forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    forms.add(latin1Reading(secret));
    return forms;
  }

  /** The UTF-8 bytes of the text read as ISO-8859-1: what a header carrying it becomes. */
  public static String latin1Reading(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Percent-encoding as RFC 3986 prescribes for a query value: only unreserved characters kept. */
  public static String rfc3986(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        b.append(c);
      } else {
        b.append('%').append(String.format("%02X", x & 0xff));
      }
    }
    return b.toString();
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
