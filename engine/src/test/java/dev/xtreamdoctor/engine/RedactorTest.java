package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://p.example:8080/player_api.php?username=joe&password=s3cret|http://p.example:8080/player_api.php?username=joe&password=***",
        "http://p.example/get.php?password=s3cret&username=joe&type=m3u|http://p.example/get.php?password=***&username=joe&type=m3u",
        "GET /player_api.php?username=joe&PASSWORD=a%20b HTTP/1.1|GET"
            + " /player_api.php?username=joe&PASSWORD=*** HTTP/1.1",
        "http://joe:s3cret@p.example:8080/|http://joe:***@p.example:8080/",
        "http://p.example:8080/live/joe/s3cret/123.ts|http://p.example:8080/live/joe/***/123.ts",
        "http://p.example:8080/movie/joe/s3cret/9.mkv|http://p.example:8080/movie/joe/***/9.mkv",
        "http://p.example:8080|http://p.example:8080",
        "password=|password=",
      })
  void masksPasswordsInUrls(String in, String out) {
    assertEquals(out, Redactor.maskUrl(in));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3cret", "p@ss word+/=", "ünïcödé-pässwörd", "a\"b\\c/d", "xyz"})
  void scrubsEveryFormOfTheSecret(String secret) {
    String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    String json = secret.replace("\\", "\\\\").replace("\"", "\\\"");
    String basic =
        Base64.getEncoder().encodeToString(("joe:" + secret).getBytes(StandardCharsets.UTF_8));
    String basic2 =
        Base64.getEncoder().encodeToString(("jo:" + secret).getBytes(StandardCharsets.UTF_8));
    String plain64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    String text =
        "raw "
            + secret
            + " url "
            + encoded
            + " json {\"p\":\""
            + json
            + "\"} basic "
            + basic
            + " "
            + basic2
            + " b64 "
            + plain64;
    String scrubbed = Redactor.scrub(text, secret);
    assertFalse(scrubbed.contains(secret), scrubbed);
    assertFalse(scrubbed.contains(encoded), scrubbed);
    assertFalse(scrubbed.contains(json), scrubbed);
    if (secret.length() >= 4) {
      // Short secrets leave base64 alone: masking 2-3 characters would hit innocent text.
      for (String core : Redactor.base64Cores(secret)) {
        assertFalse(scrubbed.contains(core), scrubbed);
      }
      assertFalse(scrubbed.contains(plain64.substring(0, Math.min(4, plain64.length()))), scrubbed);
    }
    assertTrue(scrubbed.startsWith("raw *** url *** json"), scrubbed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "no secrets here"})
  void leavesOtherTextAlone(String text) {
    assertEquals(text, Redactor.scrub(text, "s3cret"));
    assertEquals(text, Redactor.scrub(text, ""));
  }

  @Test
  void secretsTooShortToMaskSafelyAreLeftToUrlMasking() {
    assertEquals("a b ab x", Redactor.scrub("a b ab x", "ab"));
    assertEquals("?password=***", Redactor.scrub("?password=ab", "ab"));
  }

  /** Issue 13: the spellings that leaked, each in a realistic place. */
  @ParameterizedTest
  @ValueSource(strings = {"Cnry!Pw/x+9%", "cnry+P w/&%\"é", "Pässwörd€-2", "日本語パス", "a'b(c)*d~e"})
  void masksEverySpellingAPanelMightEcho(String secret) {
    Redactor r = Redactor.of(secret);
    byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
    List<String> spellings = new ArrayList<>(Redactor.textForms(secret));
    spellings.add(Redactor.rfc3986(secret).toLowerCase(java.util.Locale.ROOT));
    spellings.add(encodeUriComponent(secret));
    spellings.add(
        URLEncoder.encode(
            URLEncoder.encode(secret, StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    spellings.add(secret.toUpperCase(java.util.Locale.ROOT));
    spellings.add(html(secret));
    spellings.add(new String(utf8, java.nio.charset.Charset.forName("windows-1252")));
    spellings.add(URLEncoder.encode(Redactor.latin1Reading(secret), StandardCharsets.UTF_8));
    spellings.add(Redactor.phpJsonEscaped(Redactor.latin1Reading(secret)));
    for (String s : spellings) {
      for (String place :
          List.of(
              "Server: nginx " + s,
              "Location: http://h.test/x?u=a&p=" + s + "&z=1",
              "Set-Cookie: sid=" + s + "; Path=/",
              "{\"status\":\"" + s + "\"}",
              "<b>" + s + "</b>",
              s)) {
        String out = r.scrub(place);
        assertFalse(out.contains(s), "spelling [" + s + "] left in: " + out);
        assertTrue(out.contains(Redactor.MASK), out);
        for (String f : Redactor.textForms(secret)) {
          assertFalse(f.length() >= 4 && out.contains(f), f + " in " + out);
        }
      }
    }
    assertEquals("Server: nginx/1.18 (Ubuntu)", r.scrub("Server: nginx/1.18 (Ubuntu)"));
  }

  static String encodeUriComponent(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%21", "!")
        .replace("%27", "'")
        .replace("%28", "(")
        .replace("%29", ")")
        .replace("%7E", "~");
  }

  static String html(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(
            c ->
                b.append(
                    c < 0x80 && Character.isLetterOrDigit(c)
                        ? Character.toString(c)
                        : "&#" + c + ";"));
    return b.toString();
  }
}
