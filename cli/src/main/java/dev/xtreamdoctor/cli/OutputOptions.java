package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Catalogue;
import dev.xtreamdoctor.engine.FactModel;
import dev.xtreamdoctor.engine.Languages;
import dev.xtreamdoctor.engine.render.Format;
import dev.xtreamdoctor.engine.render.Renderer;
import dev.xtreamdoctor.engine.render.TextRenderer;
import dev.xtreamdoctor.engine.render.TextStyle;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a diagnosis is printed: shared by every command that prints one. */
public final class OutputOptions {
  /** The command this mixin is part of: its -v also shows each check's codes in text output. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = FormatNames.class,
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

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description =
          "The language of the report: en, es, fr, de, pt-BR, it (a language the rules have words"
              + " for; es_ES.UTF-8 and es-MX work too). Default: from LC_ALL, LC_MESSAGES or LANG,"
              + " else English.")
  String lang;

  /**
   * The language to answer in: --lang, which must be one the rules have words for (else a clear
   * error), else the environment's locale, else English.
   */
  String language(Collection<String> available, Terminal terminal) throws CliException {
    if (lang == null) {
      return Languages.fromEnvironment(terminal.env(), available);
    }
    Optional<String> match = Languages.match(lang, available);
    if (match.isEmpty()) {
      String near =
          FactModel.closest(lang.strip().toLowerCase(Locale.ROOT), available)
              .map(l -> " (did you mean " + l + "?)")
              .orElse("");
      throw CliException.badInput(
          "--lang: the rules have no words in '"
              + lang
              + "'"
              + near
              + "; they have "
              + String.join(", ", available));
    }
    return match.get();
  }

  /** Shell completion offers the formats as the help writes them: lower case (any case works). */
  static final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Format.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).iterator();
    }
  }

  Renderer renderer(Terminal terminal) {
    return renderer(terminal, Catalogue.bundled(Catalogue.ENGLISH));
  }

  /** The renderer, its own words (headings, "Seen:") from this catalogue. */
  Renderer renderer(Terminal terminal, Catalogue words) {
    TextStyle style =
        TextStyle.detect(
            noColor, ascii, terminal.env(), terminal.interactive(), terminal.charset());
    return format == Format.TEXT
        ? new TextRenderer(style, verbose())
        : format.renderer(style, words);
  }

  /** Whether the command was asked for -v: text output then shows codes and raw fields too. */
  boolean verbose() {
    OptionSpec v = mixee == null ? null : mixee.findOption("--verbose");
    return v != null && Boolean.TRUE.equals(v.getValue());
  }
}
