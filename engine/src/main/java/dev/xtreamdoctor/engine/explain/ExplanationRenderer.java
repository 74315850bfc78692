package dev.xtreamdoctor.engine.explain;

import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.render.Format;
import dev.xtreamdoctor.engine.render.JsonRenderer;
import dev.xtreamdoctor.engine.render.Renderer;
import dev.xtreamdoctor.engine.render.SafeText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Renders a diagnosis with its explanation: text and Markdown get a "Why" section after the
 * diagnosis, JSON an {@code "explanation"} object beside its other fields.
 */
public final class ExplanationRenderer {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  private ExplanationRenderer() {}

  /**
   * The rendering of an explained diagnosis.
   *
   * @param format the output format
   * @param renderer the renderer for that format, as the command configured it
   * @param explained the diagnosis and its explanation (null explanation: the plain rendering)
   */
  public static String render(Format format, Renderer renderer, ExplainedDiagnosis explained) {
    if (explained.explanation() == null) {
      return renderer.render(explained.diagnosis());
    }
    if (format == Format.JSON) {
      JsonObject d = JsonRenderer.toJson(explained.diagnosis());
      JsonObjectBuilder all =
          JSON.createObjectBuilder(d).add("explanation", toJson(explained.explanation()));
      StringWriter out = new StringWriter();
      try (JsonWriter w =
          JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
        w.writeObject(all.build());
      }
      return Redactor.maskUrl(out.toString().strip()) + "\n";
    }
    String text = toText(explained.explanation());
    if (format == Format.MARKDOWN) {
      text = "\n## Why\n\n```\n" + text + "```\n";
    } else {
      text = "\n" + text;
    }
    return renderer.render(explained.diagnosis()) + Redactor.maskUrl(text);
  }

  /** The explanation as text, one statement a line. */
  public static String toText(Explanation e) {
    StringBuilder b = new StringBuilder();
    b.append("Why ").append(e.category()).append(" (").append(e.causeId()).append("):\n");
    if (e.chain().isEmpty()) {
      b.append("  no rule drew this conclusion\n");
    }
    for (Explanation.Step s : e.chain()) {
      String pad = "  " + "   ".repeat(s.depth());
      b.append(pad)
          .append(s.depth() == 0 ? "" : "<- ")
          .append(SafeText.of(s.produced()))
          .append('\n');
      b.append(pad)
          .append("   by rule \"")
          .append(s.rule())
          .append('"')
          .append(where(s.file(), s.line()))
          .append('\n');
      for (String m : s.matched()) {
        if (!m.startsWith("Finding ") && !m.startsWith("Condition ")) {
          b.append(pad).append("   matched ").append(SafeText.of(m)).append('\n');
        }
      }
    }
    if (!e.whyNot().isEmpty()) {
      b.append("Why not the other categories:\n");
    }
    for (Explanation.WhyNot w : e.whyNot()) {
      b.append("  ")
          .append(w.category())
          .append(": ")
          .append(SafeText.of(w.summary()))
          .append('\n');
      for (Explanation.Miss m : w.rules()) {
        b.append("    - \"")
            .append(m.rule())
            .append('"')
            .append(where(m.file(), m.line()))
            .append(": ")
            .append(SafeText.of(m.reason()));
        if (!m.condition().isEmpty()) {
          b.append(" (line ")
              .append(m.conditionLine())
              .append(": ")
              .append(SafeText.of(m.condition()))
              .append(')');
        }
        b.append('\n');
      }
    }
    return b.toString();
  }

  private static String where(String file, int line) {
    return file.isEmpty() ? "" : " (" + file + ":" + line + ")";
  }

  /** The explanation as a JSON object: {category, causeId, chain: [...], whyNot: [...]}. */
  public static JsonObject toJson(Explanation e) {
    JsonArrayBuilder chain = JSON.createArrayBuilder();
    for (Explanation.Step s : e.chain()) {
      chain.add(
          JSON.createObjectBuilder()
              .add("depth", s.depth())
              .add("rule", s.rule())
              .add("file", s.file())
              .add("line", s.line())
              .add("produced", s.produced())
              .add("matched", strings(s.matched())));
    }
    JsonArrayBuilder whyNot = JSON.createArrayBuilder();
    for (Explanation.WhyNot w : e.whyNot()) {
      JsonArrayBuilder rules = JSON.createArrayBuilder();
      for (Explanation.Miss m : w.rules()) {
        rules.add(
            JSON.createObjectBuilder()
                .add("rule", m.rule())
                .add("file", m.file())
                .add("line", m.line())
                .add("conditionLine", m.conditionLine())
                .add("condition", m.condition())
                .add("reason", m.reason()));
      }
      whyNot.add(
          JSON.createObjectBuilder()
              .add("category", w.category())
              .add("summary", w.summary())
              .add("rules", rules));
    }
    return JSON.createObjectBuilder()
        .add("category", e.category())
        .add("causeId", e.causeId())
        .add("chain", chain)
        .add("whyNot", whyNot)
        .build();
  }

  private static JsonArrayBuilder strings(List<String> list) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    list.forEach(a::add);
    return a;
  }
}
