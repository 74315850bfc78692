package dev.xtreamdoctor.engine.render;

/**
 * Text that came from a panel or a facts file, made safe to print on a terminal or paste into a
 * ticket: every control character is shown as an escape instead of acting ({@code ESC} as {@code
 * \e}, so {@code ESC]0;...BEL} cannot retitle the window nor {@code ESC[2J} clear the screen, a CR
 * LF as {@code \r\n}, so a panel cannot forge an extra line of the report), and so are the Unicode
 * controls that reorder or hide text (bidirectional overrides, zero-width characters). A very long
 * text is cut, saying how much was left out, so a panel cannot flood the report.
 */
public final class SafeText {
  /** The most characters of one text shown; a panel's status is a word, a URL a line. */
  public static final int MAX_CHARS = 600;

  private SafeText() {}

  /** The text with control characters escaped and cut at {@link #MAX_CHARS}. */
  public static String of(String text) {
    if (text == null) {
      return "";
    }
    if (isPlain(text)) {
      return text;
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 16);
    int shown = 0;
    int i = 0;
    while (i < text.length()) {
      if (shown >= MAX_CHARS) {
        b.append("… (").append(text.length() - i).append(" more characters)");
        break;
      }
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      shown++;
      if (!isControl(c)) {
        b.appendCodePoint(c);
        continue;
      }
      switch (c) {
        case 0x1b -> b.append("\\e");
        case '\r' -> b.append("\\r");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case 0x07 -> b.append("\\a");
        case 0x08 -> b.append("\\b");
        default -> b.append(c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
      }
    }
    return b.toString();
  }

  private static boolean isPlain(String text) {
    if (text.length() > MAX_CHARS) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * C0 and C1 controls and DEL; the bidirectional embeddings, overrides and isolates (the "Trojan
   * Source" characters); zero-width and other invisible format characters; line and paragraph
   * separators.
   */
  static boolean isControl(int c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2060 && c <= 0x206f)
        || c == 0xfeff
        || c == 0x061c
        || (c >= 0xfff9 && c <= 0xfffb);
  }
}
