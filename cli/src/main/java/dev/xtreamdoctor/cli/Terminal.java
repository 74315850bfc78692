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
 */
public record Terminal(
    InputStream in, Map<String, String> env, boolean interactive, Charset charset) {

  /** The real process: System.in, the environment, the console if there is one. */
  public static Terminal system() {
    var console = System.console();
    Charset charset = console != null ? console.charset() : Charset.defaultCharset();
    return new Terminal(System.in, System.getenv(), console != null, charset);
  }
}
