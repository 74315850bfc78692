package dev.xtreamdoctor.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextRendererTest {

  @Test
  void theAnswerFirstThenOneLinePerCheckThenWhatToDo() {
    String out = new TextRenderer(TextStyle.PLAIN_UNICODE).render(SampleDiagnoses.rejected());
    List<String> lines = out.lines().toList();
    assertEquals(
        "! Found a problem: Invalid Details — The panel refused this username and password",
        lines.get(0));
    assertEquals("", lines.get(1));
    assertEquals("[✓] Input (http://panel.example:8080)", lines.get(2));
    assertTrue(
        lines.get(3).startsWith("    • The username mixes upper- and lower-case letters"), out);
    assertTrue(out.contains("[✓] DNS (panel.example → 203.0.113.7)\n"), out);
    assertTrue(out.contains("[✓] Connection (203.0.113.7 port 8080 answered in 21 ms)\n"), out);
    assertTrue(out.contains("[-] TLS (not used: the server URL is plain http)\n"), out);
    assertTrue(out.contains("[✓] HTTP (the server answered in 45 ms)\n"), out);
    assertTrue(
        out.contains(
            "[✗] Login (the panel refused the username and password)\n"
                + "    ✗ The panel refused this username and password\n"
                + "      The server is reachable, but the login cannot succeed with these"
                + " details.\n"
                + "      Seen: player_api.php?username=joe&password=*** answered auth 0\n"),
        out);
    assertTrue(out.contains("[?] Account (not reached)\n"), out);
    assertFalse(out.contains("Reported"), out);
    assertTrue(
        out.endsWith(
            "\n\nWhat to do:\n"
                + "  1. Copy the username and password from the provider's message.\n"
                + "  2. Check upper and lower case.\n"),
        out);
    assertFalse(out.contains("auth_rejected") || out.contains("auth 0,"), out);
  }

  @Test
  void verboseAddsTheCodesUnderEachCheck() {
    String out = new TextRenderer(TextStyle.PLAIN_UNICODE, true).render(SampleDiagnoses.rejected());
    assertTrue(
        out.contains(
            "[✗] Login (the panel refused the username and password)\n    panel.auth_rejected auth 0 xc2\n"),
        out);
    assertTrue(out.contains("203.0.113.7:8080 tcp.connected 21ms"), out);
    assertFalse(out.contains(SampleDiagnoses.SECRET), out);
  }

  @Test
  void neverPrintsThePassword() {
    for (TextStyle style :
        List.of(TextStyle.PLAIN_UNICODE, TextStyle.PLAIN_ASCII, new TextStyle(true, true))) {
      String out = new TextRenderer(style).render(SampleDiagnoses.rejected());
      assertFalse(out.contains(SampleDiagnoses.SECRET), out);
      assertTrue(out.contains("password=***"), out);
    }
  }

  @Test
  void noProblemsFoundWithAWarning() {
    String out =
        new TextRenderer(TextStyle.PLAIN_UNICODE).render(SampleDiagnoses.healthyWithWarning());
    assertTrue(out.contains("[✓] Login (the panel accepted the username and password)\n"), out);
    assertTrue(
        out.contains(
            "[!] Account (Active, until 17 March 2030; the panel allows 2 connections and 1 is in use)\n"),
        out);
    assertTrue(out.contains("    ! The subscription ends in 2 days\n"), out);
    assertTrue(out.startsWith("✓ No problems found (1 warning).\n"), out);
    assertTrue(out.contains("  The login works: the panel accepted these details\n"), out);
    assertTrue(
        out.contains("What to do:\n  1. If the app still fails, type the details again.\n"), out);
  }

  @Test
  void layersWithoutFactsAreMarkedNotChecked() {
    String out = new TextRenderer(TextStyle.PLAIN_UNICODE).render(SampleDiagnoses.loginOnly());
    assertTrue(out.contains("\n\n[-] Input (not checked)\n[-] DNS (not checked)\n"), out);
    assertTrue(out.contains("[?] Account (not reached)"), out);
  }

  @Test
  void asciiFallbackUsesPlainMarks() {
    String out = new TextRenderer(TextStyle.PLAIN_ASCII).render(SampleDiagnoses.rejected());
    assertTrue(out.contains("[OK] DNS (panel.example -> 203.0.113.7)"), out);
    assertTrue(out.contains("[X] Login"), out);
    assertTrue(out.contains("    X The panel refused"), out);
    assertTrue(out.contains("! Found a problem: Invalid Details - The panel"), out);
    assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(out), out);
  }

  @Test
  void colourOnlyWhenAllowed() {
    String plain = new TextRenderer(TextStyle.PLAIN_UNICODE).render(SampleDiagnoses.rejected());
    String coloured =
        new TextRenderer(new TextStyle(true, true)).render(SampleDiagnoses.rejected());
    assertFalse(plain.contains("\u001b["), plain);
    assertTrue(coloured.contains("\u001b[31m[✗]\u001b[0m Login"), coloured);
    assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
  }

  @Test
  void styleDetection() {
    var utf8 = StandardCharsets.UTF_8;
    assertEquals(new TextStyle(true, true), TextStyle.detect(false, false, Map.of(), true, utf8));
    assertEquals(new TextStyle(false, true), TextStyle.detect(true, false, Map.of(), true, utf8));
    assertEquals(
        new TextStyle(false, true),
        TextStyle.detect(false, false, Map.of("NO_COLOR", "1"), true, utf8));
    assertEquals(
        new TextStyle(true, true),
        TextStyle.detect(false, false, Map.of("NO_COLOR", ""), true, utf8));
    assertEquals(
        new TextStyle(false, true),
        TextStyle.detect(false, false, Map.of("TERM", "dumb"), true, utf8));
    assertEquals(new TextStyle(false, true), TextStyle.detect(false, false, Map.of(), false, utf8));
    assertEquals(
        new TextStyle(false, true),
        TextStyle.detect(false, false, Map.of("OS", "Windows_NT"), true, utf8));
    assertEquals(
        new TextStyle(true, true),
        TextStyle.detect(false, false, Map.of("OS", "Windows_NT", "WT_SESSION", "x"), true, utf8));
    assertEquals(
        new TextStyle(true, true),
        TextStyle.detect(false, false, Map.of("OS", "Windows_NT", "TERM", "xterm"), true, utf8));
    assertEquals(new TextStyle(true, false), TextStyle.detect(false, true, Map.of(), true, utf8));
    assertEquals(
        new TextStyle(true, false),
        TextStyle.detect(false, false, Map.of(), true, StandardCharsets.US_ASCII));
  }
}
