package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Catalogue;

/** The output formats, as named on the command line ({@code --format text|json|markdown}). */
public enum Format {
  /** For a person at a terminal, in the manner of {@code flutter doctor}. */
  TEXT,
  /** For programs: stable field names, see {@link JsonRenderer}. */
  JSON,
  /** A reply a support agent pastes into a ticket. */
  MARKDOWN;

  public Renderer renderer(TextStyle style) {
    return renderer(style, Catalogue.bundled(Catalogue.ENGLISH));
  }

  /** A renderer whose own words come from this catalogue (the language the diagnosis is in). */
  public Renderer renderer(TextStyle style, Catalogue words) {
    return switch (this) {
      case TEXT -> new TextRenderer(style); // its words are the diagnosis's own (Diagnosis.words)
      case JSON -> new JsonRenderer(words.language());
      case MARKDOWN -> new MarkdownRenderer(words);
    };
  }
}
