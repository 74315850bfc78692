package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.CredentialInput;
import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.ServerInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerInputParserTest {

  private static ServerInput input(String typed) throws BadServerInputException {
    return ServerInputParser.parse(typed).input();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "panel.example.test                      | http://panel.example.test      | 80    | false | false | plain",
        "panel.example.test:8080                 | http://panel.example.test:8080 | 8080  | false | true  | plain",
        "http://panel.example.test:8080/         | http://panel.example.test:8080 | 8080  | true  | true  | plain",
        "https://panel.example.test              | https://panel.example.test     | 443   | true  | false | plain",
        "HTTP://PANEL.Example.TEST:25461         | http://panel.example.test:25461| 25461 | true  | true  | plain",
        "http://https://panel.example.test:2053  | https://panel.example.test:2053| 2053  | true  | true  | plain",
        "http://panel.example.test:8080/c/       | http://panel.example.test:8080 | 8080  | true  | true  | portal_c",
        "http://panel.example.test/stalker_portal/c/ | http://panel.example.test  | 80    | true  | false | portal_c",
        "http://panel.example.test/play/abcDEF   | http://panel.example.test      | 80    | true  | false | play_token",
        "http://panel.example.test/iptv/         | http://panel.example.test      | 80    | true  | false | other_path",
        "http://[2001:db8::1]:8080               | http://[2001:db8:0:0:0:0:0:1]:8080 | 8080 | true | true | plain",
        "http://192.0.2.10:8000                  | http://192.0.2.10:8000         | 8000  | true  | true  | plain",
      })
  void readsBaseUrls(
      String typed, String base, int port, boolean schemeGiven, boolean portGiven, String form)
      throws Exception {
    ServerInput in = input(typed);
    assertEquals(Outcome.INPUT_OK, in.outcome());
    assertEquals(base, in.baseUrl());
    assertEquals(port, in.port());
    assertEquals(schemeGiven, in.schemeGiven());
    assertEquals(portGiven, in.portGiven());
    assertEquals(form, in.pastedForm());
  }

  @Test
  void notesCleanups() throws Exception {
    assertTrue(input("  http://panel.example.test  ").cleanups().contains("trimmed_spaces"));
    assertTrue(input("http://http://panel.example.test").cleanups().contains("doubled_scheme"));
    assertTrue(input("http://PANEL.example.test").cleanups().contains("upper_case"));
    assertTrue(input("http://panel.example.test/").cleanups().contains("trailing_slash"));
    ServerInput punct = input("http://panel.example.test:8080!");
    assertTrue(punct.cleanups().contains("trailing_punctuation"));
    assertEquals(8080, punct.port());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http:/panel.example.test:8080     | http://panel.example.test:8080",
        "http//panel.example.test:8080     | http://panel.example.test:8080",
        "http:\\\\panel.example.test:8080   | http://panel.example.test:8080",
        "http;//panel.example.test:8080    | http://panel.example.test:8080",
        "htp://panel.example.test:8080     | http://panel.example.test:8080",
        "hhttp://panel.example.test:8080   | http://panel.example.test:8080",
        "htps://panel.example.test:8443    | https://panel.example.test:8443",
        "https//panel.example.test:8443    | https://panel.example.test:8443",
      })
  void aMistypedSchemeIsReadAsMeantAndNoted(String typed, String base) throws Exception {
    ServerInput in = input(typed);
    assertEquals(Outcome.INPUT_OK, in.outcome(), typed);
    assertEquals(base, in.baseUrl(), typed);
    assertEquals("plain", in.pastedForm(), typed);
    assertTrue(in.cleanups().contains("mistyped_scheme"), typed);
    assertFalse(input("http://panel.example.test:8080").cleanups().contains("mistyped_scheme"));
    assertFalse(input("HTTPS://panel.example.test:8080").cleanups().contains("mistyped_scheme"));
    assertThrows(
        BadServerInputException.class, () -> ServerInputParser.parse("htp:/panel.example.test"));
  }

  @Test
  void spacesInsideTheAddressAreReadAsMeantAndNoted() throws Exception {
    ServerInput in = input("http://panel.example.test :8080");
    assertEquals(Outcome.INPUT_OK, in.outcome());
    assertEquals("http://panel.example.test:8080", in.baseUrl());
    assertTrue(in.cleanups().contains("inner_spaces"));
    assertEquals(
        "http://panel.example.test:8080", input("http:// panel.example.test:8080").baseUrl());
    assertEquals(
        "http://panel.example.test:8080", input("http://panel.example.test: 8080").baseUrl());
  }

  @Test
  void idnBecomesPunycode() throws Exception {
    ServerInput in = input("http://bücher.example:8080");
    assertEquals("xn--bcher-kva.example", in.host());
    assertEquals("name", in.hostKind());
  }

  @Test
  void getPhpGivesCredentialsWithQueryDecoding() throws Exception {
    ParsedServer p =
        ServerInputParser.parse(
            "http://panel.example.test:8080/get.php?username=john+doe&password=p%26ss%2Bw+rd&type=m3u_plus&output=ts");
    assertEquals("get_php", p.input().pastedForm());
    assertEquals("john doe", p.pastedUsername().orElseThrow());
    assertEquals("p&ss+w rd", p.pastedPassword().orElseThrow().reveal());
    assertEquals("http://panel.example.test:8080", p.input().baseUrl());
    assertFalse(p.input().typed().contains("p%26ss"), p.input().typed());
    assertTrue(p.input().typed().contains("password=***"), p.input().typed());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://h.example.test/player_api.php?username=U1&password=P1x&action=get_live_streams | player_api_php",
        "http://h.example.test/panel_api.php?username=U1&password=P1x | panel_api_php",
        "http://h.example.test/xmltv.php?username=U1&password=P1x | xmltv_php",
        "http://h.example.test:8080/playlist/U1/P1x/m3u_plus | playlist_path",
        "http://h.example.test:8080/player_api/U1/P1x | player_api_php",
        "http://h.example.test:8080/live/U1/P1x/123.ts | stream_url",
        "http://h.example.test:8080/movie/U1/P1x/9.mkv | stream_url",
        "http://h.example.test:8080/timeshift/U1/P1x/60/2024-01-15:14-00/123.ts | stream_url",
        "http://h.example.test:8080/U1/P1x/123 | stream_url",
        "http://h.example.test:8080/U1/P1x/123.ts | stream_url",
        "http://h.example.test/streaming/timeshift.php?username=U1&password=P1x&stream=1 | stream_url",
        "http://U1:P1x@h.example.test:8080 | userinfo",
      })
  void extractsCredentialsFromPastedLinks(String typed, String form) throws Exception {
    ParsedServer p = ServerInputParser.parse(typed);
    assertEquals(form, p.input().pastedForm());
    assertEquals("U1", p.pastedUsername().orElseThrow());
    assertEquals("P1x", p.pastedPassword().orElseThrow().reveal());
    assertFalse(p.input().typed().contains("P1x"), p.input().typed());
  }

  @Test
  void pathSegmentsKeepPlusAsPlus() throws Exception {
    ParsedServer p = ServerInputParser.parse("http://h.example.test/live/a+b/c%20d/1.ts");
    assertEquals("a+b", p.pastedUsername().orElseThrow());
    assertEquals("c d", p.pastedPassword().orElseThrow().reveal());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://my server.example",
        "http://panel..example",
        "http://-bad-.example",
        "http://300.1.1.1",
        "http://[2001:db8::1",
      })
  void malformedHostsBecomeFacts(String typed) throws Exception {
    ServerInput in = input(typed);
    assertEquals(Outcome.INPUT_HOST_MALFORMED, in.outcome());
    assertEquals("invalid", in.hostKind());
    assertEquals("", in.baseUrl());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://panel.example:99999",
        "http://panel.example:80a",
        "http://panel.example:8O8O",
        "http://panel.example:0"
      })
  void aPortThatIsNoPortIsItsOwnFact(String typed) throws Exception {
    ServerInput in = input(typed);
    assertEquals(Outcome.INPUT_PORT_MALFORMED, in.outcome(), typed);
    assertEquals("panel.example", in.host(), typed);
    assertEquals("", in.baseUrl());
    assertEquals(Outcome.INPUT_HOST_MALFORMED, input("http://panel..example:80a").outcome());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://", "http:///get.php?username=a"})
  void noHostIsNotAUrl(String typed) throws Exception {
    assertEquals(Outcome.INPUT_NOT_A_URL, input(typed).outcome());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "ftp://panel.example",
        "rtmp://panel.example:1935",
        "mailto:me@example.com"
      })
  void refusesWhatCannotBeAServerUrl(String typed) {
    BadServerInputException e =
        assertThrows(BadServerInputException.class, () -> ServerInputParser.parse(typed));
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void refusesHugeInputWithoutEchoingIt() {
    String huge = "http://a.example/" + "x".repeat(10_000);
    BadServerInputException e =
        assertThrows(BadServerInputException.class, () -> ServerInputParser.parse(huge));
    assertTrue(e.getMessage().length() < 200);
  }

  @Test
  void describesCredentialsByPropertiesOnly() {
    CredentialInput c = CredentialInputs.describe("password", " Pässword ", false);
    assertTrue(c.outerSpaces());
    assertTrue(c.mixedCase());
    assertTrue(c.nonAscii());
    assertFalse(c.blank());
    assertEquals(10, c.length());
    assertTrue(CredentialInputs.describe("username", null, false).blank());
    assertFalse(c.toString().contains("Pässword"));
  }

  /** Every written form of an address the parser accepts reaches the probes as a usable literal. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "http://[::ffff:127.0.0.1]:8080     | ipv4 | 127.0.0.1                | http://127.0.0.1:8080",
        "http://[::FFFF:7f00:1]:8080        | ipv4 | 127.0.0.1                | http://127.0.0.1:8080",
        "http://[::1%25lo]:8080             | ipv6 | 0:0:0:0:0:0:0:1%lo       | http://[0:0:0:0:0:0:0:1%25lo]:8080",
        "http://[fe80::1%eth0]:8080         | ipv6 | fe80:0:0:0:0:0:0:1%eth0  | http://[fe80:0:0:0:0:0:0:1%25eth0]:8080",
        "::1                                | ipv6 | 0:0:0:0:0:0:0:1          | http://[0:0:0:0:0:0:0:1]",
        "http://127.000.000.001:8080        | ipv4 | 127.0.0.1                | http://127.0.0.1:8080",
        "http://panel.example.test.:8080    | name | panel.example.test       | http://panel.example.test:8080",
      })
  void addressesInEveryWrittenForm(String typed, String kind, String host, String base)
      throws Exception {
    ParsedServer p = ServerInputParser.parse(typed.strip());
    assertEquals(Outcome.INPUT_OK, p.input().outcome(), typed);
    assertEquals(kind, p.input().hostKind());
    assertEquals(host, p.input().host());
    assertEquals(base, p.input().baseUrl());
    java.net.URI.create(p.scheme() + "://" + p.urlHost() + ":" + p.port() + "/player_api.php");
  }

  @Test
  void leadingZerosAreACorrectionTheAppWouldNotMake() throws Exception {
    assertTrue(input("http://010.001.002.003:80").cleanups().contains("leading_zeros"));
    assertEquals("10.1.2.3", input("http://010.001.002.003:80").host());
    assertFalse(input("http://10.1.2.3:80").cleanups().contains("leading_zeros"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://[fe80::1%]:80",
        "http://[fe80::1%bad zone]:80",
        "http://[fe80::1%25a/b]:80",
        "http://[::ffff:999.1.1.1]:80"
      })
  void brokenZonesAndMappedAddressesAreMalformed(String typed) throws Exception {
    assertEquals(Outcome.INPUT_HOST_MALFORMED, input(typed).outcome(), typed);
  }
}
