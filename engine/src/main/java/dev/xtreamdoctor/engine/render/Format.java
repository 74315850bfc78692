package dev.xtreamdoctor.engine.render;

/** The output formats, as named on the command line ({@code --format text|json|markdown}). */
public enum Format {
  /** For a person at a terminal, in the manner of {@code flutter doctor}. */
  TEXT,
  /** For programs: stable field names, see {@link JsonRenderer}. */
  JSON,
  /** A reply a support agent pastes into a ticket. */
  MARKDOWN;

  public Renderer renderer(TextStyle style) {
    return switch (this) {
      case TEXT -> new TextRenderer(style);
      case JSON -> new JsonRenderer();
      case MARKDOWN -> new MarkdownRenderer();
    };
  }
}
