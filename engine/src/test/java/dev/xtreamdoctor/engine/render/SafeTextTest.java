package dev.xtreamdoctor.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Text from panels printed as text: escapes shown, never acted on; floods cut. */
class SafeTextTest {
  @Test
  void plainTextIsLeftAsItIs() {
    String plain = "Active — läuft, 日本 [✓] \"ok\"";
    assertSame(plain, SafeText.of(plain));
    assertEquals("", SafeText.of(null));
  }

  @Test
  void controlSequencesAreShownNotActedOn() {
    assertEquals(
        "\\e]0;owned\\a\\e[2JActive\\r\\nFAKE",
        SafeText.of("\u001b]0;owned\u0007\u001b[2JActive\r\nFAKE"));
    assertEquals("a\\tb\\x00c\\x7fd\\x9be", SafeText.of("a\tb\u0000c\u007fd\u009be"));
    assertEquals("abc\\u202edcba\\u200b", SafeText.of("abc\u202edcba\u200b"));
  }

  @Test
  void aFloodIsCut() {
    String out = SafeText.of("A".repeat(900_000));
    assertTrue(out.length() < SafeText.MAX_CHARS + 40, "length " + out.length());
    assertTrue(out.endsWith("… (899400 more characters)"), out.substring(out.length() - 40));
  }

  @Test
  void markdownShowsTheEscapesToo() {
    String md = MarkdownRenderer.esc("\u001b[2J*bold*");
    assertFalse(md.contains("\u001b"), md);
    assertEquals("\\\\e\\[2J\\*bold\\*", md);
  }
}
