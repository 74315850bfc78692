package dev.xtreamdoctor.cli;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * What the commands need to know about where they run, passed in so tests can pretend.
 *
 * @param in standard input, for {@code --facts -}
 * @param env the environment variables ({@code NO_COLOR}, {@code TERM})
 * @param interactive whether standard output is a terminal (colour only then)
 * @param charset the charset standard output is written in (Unicode marks only for UTF-8)
 * @param errInteractive whether standard error is a terminal too (live progress only then)
 */
public record Terminal(
    InputStream in,
    Map<String, String> env,
    boolean interactive,
    Charset charset,
    boolean errInteractive) {

  /** Where standard error is no terminal, or not known to be. */
  public Terminal(InputStream in, Map<String, String> env, boolean interactive, Charset charset) {
    this(in, env, interactive, charset, false);
  }

  /** The real process: System.in, the environment, the console if there is one. */
  public static Terminal system() {
    var console = System.console();
    Charset charset = console != null ? console.charset() : Charset.defaultCharset();
    return new Terminal(
        System.in,
        System.getenv(),
        console != null,
        charset,
        console != null && stderrIsATerminal());
  }

  /**
   * Whether standard error is a terminal. Java tells only of standard input and output (the
   * console); on Linux, /proc names what file descriptor 2 is. Elsewhere it is taken to go where
   * standard output goes.
   */
  private static boolean stderrIsATerminal() {
    java.nio.file.Path fd2 = java.nio.file.Path.of("/proc/self/fd/2");
    if (!java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/fd"))) {
      return true;
    }
    try {
      String target = java.nio.file.Files.readSymbolicLink(fd2).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
