package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.render.Format;
import dev.xtreamdoctor.engine.render.Renderer;
import dev.xtreamdoctor.engine.render.TextStyle;
import picocli.CommandLine.Option;

/** How a diagnosis is printed: shared by every command that prints one. */
public final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text (for a person), json (for programs) or markdown (for a ticket)."
              + " Default: ${DEFAULT-VALUE}.")
  Format format = Format.TEXT;

  @Option(
      names = "--no-color",
      description = "No ANSI colour (also when NO_COLOR is set or output is not a terminal).")
  boolean noColor;

  @Option(
      names = "--ascii",
      description = "Plain ASCII marks ([OK] [X] [!] [?]) instead of Unicode.")
  boolean ascii;

  Renderer renderer(Terminal terminal) {
    TextStyle style =
        TextStyle.detect(
            noColor, ascii, terminal.env(), terminal.interactive(), terminal.charset());
    return format.renderer(style);
  }
}
