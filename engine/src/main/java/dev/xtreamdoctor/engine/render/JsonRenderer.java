package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Catalogue;
import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Diagnosis.FindingView;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.facts.Evidence;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * The diagnosis for programs, through JSON-P. Field names are stable; a change that breaks a reader
 * raises {@code schemaVersion}:
 *
 * <pre>
 * { "schemaVersion": 1, "checkedAt": "2026-12-06T07:40:43Z",
 *   "target": {"server": "http://panel.example:8080", "username": "john"},
 *   "category": "INVALID_DETAILS", "title": "...", "summary": "...",
 *   "layers": [{"layer": "dns", "label": "DNS", "state": "ok", "status": "panel.example → ..."}],
 *   "causes": [{"id": "...", "text": "..."}], "fixes": ["..."], "evidence": ["..."],
 *   "findings": [{"category", "causeId", "severity", "layer", "title", "impact",
 *                 "fixes": [...], "evidence": [...]}],
 *   "facts": [{"type": "DnsAnswer", ...}], "rulesFired": ["..."], "rulesVersion": "..." }
 * </pre>
 */
public final class JsonRenderer implements Renderer {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final JsonWriterFactory PRETTY =
      JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

  private final String language;

  /** A renderer that says the words are English. */
  public JsonRenderer() {
    this(Catalogue.ENGLISH);
  }

  /** A renderer that says the diagnosis's words are in this language (a tag: es, pt-BR...). */
  public JsonRenderer(String language) {
    this.language = language;
  }

  @Override
  public String render(Diagnosis d) {
    StringWriter out = new StringWriter();
    try (JsonWriter w = PRETTY.createWriter(out)) {
      w.writeObject(JSON.createObjectBuilder(toJson(d)).add("language", language).build());
    }
    // Masked after writing, so no field, present or future, can carry a password out.
    return Redactor.maskUrl(out.toString().strip()) + "\n";
  }

  /** The diagnosis as a JSON object, for callers that embed it in a larger document. */
  public static JsonObject toJson(Diagnosis d) {
    JsonArrayBuilder causes = JSON.createArrayBuilder();
    d.causes()
        .forEach(
            c -> causes.add(JSON.createObjectBuilder().add("id", c.id()).add("text", c.text())));
    JsonArrayBuilder findings = JSON.createArrayBuilder();
    d.findings().forEach(f -> findings.add(finding(f)));
    JsonArrayBuilder layers = JSON.createArrayBuilder();
    Checks.of(d)
        .forEach(
            c ->
                layers.add(
                    JSON.createObjectBuilder()
                        .add("layer", c.layer())
                        .add("label", c.label())
                        .add("state", c.state().name().toLowerCase(java.util.Locale.ROOT))
                        .add("status", c.shownStatus(d.words()))));
    return JSON.createObjectBuilder()
        .add("schemaVersion", d.schemaVersion())
        .add(
            "checkedAt",
            d.checkedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
        .add(
            "target",
            JSON.createObjectBuilder()
                .add("server", d.target().server())
                .add("username", d.target().username()))
        .add("category", d.category())
        .add("title", d.title())
        .add("summary", d.summary())
        .add("layers", layers)
        .add("causes", causes)
        .add("fixes", strings(d.fixes()))
        .add("evidence", strings(d.evidence()))
        .add("evidenceKeys", keyed(d.evidenceKeys()))
        .add("findings", findings)
        .add("facts", FactsJson.writeAll(d.facts().stream().map(f -> (Record) f).toList()))
        .add("rulesFired", strings(d.rulesFired()))
        .add("rulesVersion", d.rulesVersion())
        .build();
  }

  /**
   * The terminal report's checklist for a page to show: one check per layer in login order, each
   * {@code {"layer", "label", "state", "mark", "status", "findings": [...]}}, where {@code state}
   * is {@code ok}, {@code fault}, {@code warning}, {@code unchecked} or {@code none} and {@code
   * mark} the report's mark for it ({@code ✓ ✗ ! ? -}).
   */
  public static JsonArray checks(Diagnosis d) {
    JsonArrayBuilder checks = JSON.createArrayBuilder();
    for (Check c : Checks.of(d)) {
      JsonArrayBuilder findings = JSON.createArrayBuilder();
      c.findings().forEach(f -> findings.add(finding(f)));
      checks.add(
          JSON.createObjectBuilder()
              .add("layer", c.layer())
              .add("label", c.label())
              .add("state", c.state().name().toLowerCase(java.util.Locale.ROOT))
              .add("mark", c.state().mark())
              .add("status", c.shownStatus(d.words()))
              .add("findings", findings));
    }
    return checks.build();
  }

  private static JsonObjectBuilder finding(FindingView f) {
    return JSON.createObjectBuilder()
        .add("category", f.category())
        .add("causeId", f.causeId())
        .add("severity", f.severity())
        .add("layer", f.layer())
        .add("title", f.title())
        .add("impact", f.impact())
        .add("fixes", strings(f.fixes()))
        .add("evidence", strings(f.evidence()))
        .add("evidenceKeys", keyed(f.evidenceKeys()));
  }

  /**
   * The evidence as catalogue keys and the values seen, one per line of {@code evidence}: {@code
   * {"key": "evidence.login.accepted", "params": {"status": "Active"}}}; a count or time is a
   * number, a part of a sentence with its own key an object of the same shape, a sentence written
   * without a key has the key "" and its text under {@code params.text}.
   */
  private static JsonArrayBuilder keyed(List<Evidence> list) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    list.forEach(e -> a.add(keyed(e)));
    return a;
  }

  private static JsonObjectBuilder keyed(Evidence e) {
    JsonObjectBuilder params = JSON.createObjectBuilder();
    e.params()
        .forEach(
            (name, v) -> {
              if (v instanceof Evidence nested) {
                params.add(name, keyed(nested));
              } else if (v instanceof Long n) {
                params.add(name, n);
              } else {
                params.add(name, String.valueOf(v));
              }
            });
    return JSON.createObjectBuilder().add("key", e.key()).add("params", params);
  }

  private static JsonArrayBuilder strings(List<String> list) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    list.forEach(a::add);
    return a;
  }
}
