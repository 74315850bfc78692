package dev.xtreamdoctor.engine.render;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How text output may look: ANSI colour or not, Unicode marks or plain ASCII.
 *
 * @param colour whether ANSI colour codes may be written
 * @param unicode whether Unicode marks (✓ ✗ • —) may be written; else ASCII ([OK] [X] * -)
 */
public record TextStyle(boolean colour, boolean unicode) {
  public static final TextStyle PLAIN_UNICODE = new TextStyle(false, true);
  public static final TextStyle PLAIN_ASCII = new TextStyle(false, false);

  /**
   * The style a terminal allows. Colour only on a terminal, never when {@code NO_COLOR} is set
   * (no-color.org: an empty value does not count), {@code TERM=dumb}, in a Windows console that
   * does not interpret ANSI codes, or the user asked for none; Unicode only when the output charset
   * is UTF-8 and the user did not ask for ASCII.
   */
  public static TextStyle detect(
      boolean noColourFlag,
      boolean asciiFlag,
      Map<String, String> env,
      boolean terminal,
      Charset outputCharset) {
    boolean noColourEnv = !env.getOrDefault("NO_COLOR", "").isEmpty();
    boolean dumb = "dumb".equals(env.get("TERM"));
    boolean colour =
        terminal && !noColourFlag && !noColourEnv && !dumb && !plainWindowsConsole(env);
    boolean unicode = !asciiFlag && StandardCharsets.UTF_8.equals(outputCharset);
    return new TextStyle(colour, unicode);
  }

  /**
   * A Windows console (conhost) shows ANSI codes as garbage unless the program turns them on, which
   * Java does not; Windows Terminal (WT_SESSION), ConEmu, ANSICON and the Unix-like shells (which
   * set TERM) interpret them.
   */
  private static boolean plainWindowsConsole(Map<String, String> env) {
    return "Windows_NT".equals(env.get("OS"))
        && !env.containsKey("WT_SESSION")
        && !env.containsKey("TERM")
        && !env.containsKey("ANSICON")
        && !"ON".equalsIgnoreCase(env.get("ConEmuANSI"));
  }
}
