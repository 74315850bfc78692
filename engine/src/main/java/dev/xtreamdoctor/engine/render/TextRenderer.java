package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Diagnosis.FindingView;
import dev.xtreamdoctor.engine.Redactor;
import java.util.List;
import java.util.Map;

/**
 * The report for a person at a terminal, in the manner of {@code flutter doctor}: one line per
 * check with a mark, the findings of that check indented under it (what is wrong, what it breaks,
 * the fixes in order, what was seen), and a one-line summary.
 *
 * <pre>
 * [✓] DNS (panel.example → 203.0.113.7)
 * [✗] Login (auth rejected, auth 0)
 *     ✗ The panel refused this username and password
 *       The server is reachable, but the login cannot succeed with these details.
 *       1. Copy the username and password from the provider's message and paste them ...
 *
 * ! Found a problem: Invalid Details — The panel refused this username and password
 * </pre>
 *
 * Every text from the diagnosis passes {@link SafeText}: what a panel sent cannot drive the terminal.
 */
public final class TextRenderer implements Renderer {
  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String GREY = "\u001b[90m";

  /** Typography the ASCII fallback spells out. */
  private static final Map<String, String> ASCII =
      Map.of(
          "→", "->", "—", "-", "–", "-", "“", "\"", "”", "\"", "‘", "'", "’", "'", "…", "...", "•",
          "*", "\u00a0", " ");

  private final TextStyle style;

  public TextRenderer(TextStyle style) {
    this.style = style;
  }

  @Override
  public String render(Diagnosis d) {
    StringBuilder out = new StringBuilder();
    for (Check c : Checks.of(d)) {
      line(out, c);
    }
    out.append('\n');
    summary(out, d);
    String text = Redactor.maskUrl(out.toString());
    return style.unicode() ? text : ascii(text);
  }

  private void line(StringBuilder out, Check c) {
    out.append(mark(c.state())).append(' ').append(SafeText.of(c.label()));
    String status = c.shownStatus();
    if (!status.isEmpty()) {
      out.append(' ').append(paint(GREY, "(" + SafeText.of(status) + ")"));
    }
    out.append('\n');
    for (FindingView f : c.findings()) {
      finding(out, f);
    }
  }

  private void finding(StringBuilder out, FindingView f) {
    String indent = "      ";
    out.append("    ")
        .append(severityMark(f.severity()))
        .append(' ')
        .append(SafeText.of(f.title()))
        .append('\n');
    if (!f.impact().isEmpty()) {
      out.append(indent).append(SafeText.of(f.impact())).append('\n');
    }
    List<String> fixes = f.fixes();
    for (int i = 0; i < fixes.size(); i++) {
      out.append(indent).append(i + 1).append(". ").append(SafeText.of(fixes.get(i))).append('\n');
    }
    for (String seen : f.evidence()) {
      out.append(indent).append(paint(GREY, "Seen: " + SafeText.of(seen))).append('\n');
    }
  }

  private void summary(StringBuilder out, Diagnosis d) {
    if (d.faultFound()) {
      String cause = d.causes().isEmpty() ? "" : " — " + SafeText.of(d.causes().get(0).text());
      int more = d.causes().size() - 1;
      String also = more > 0 ? " (and " + more + " more)" : "";
      out.append(paint(RED, "! Found a problem: " + SafeText.of(d.title()) + cause + also)).append('\n');
      return;
    }
    if (d.inconclusive()) {
      String cause = d.causes().isEmpty() ? "" : " — " + d.causes().get(0).text();
      out.append(paint(YELLOW, "? The check could not complete" + cause)).append('\n');
      out.append("  No fault was seen, but no working login either: this is no all-clear.").append('\n');
      return;
    }
    long warnings = d.findings().stream().filter(f -> f.severity().equals("warning")).count();
    String note =
        warnings == 0 ? "" : " (" + warnings + (warnings == 1 ? " warning" : " warnings") + ")";
    out.append(paint(GREEN, "• No problems found" + note + ".")).append('\n');
    boolean shown = d.findings().stream().anyMatch(f -> d.causeIds().contains(f.causeId()));
    if (!shown && !d.causes().isEmpty()) {
      out.append("  ").append(SafeText.of(d.causes().get(0).text())).append('\n');
      for (int i = 0; i < d.fixes().size(); i++) {
        out.append("  ").append(i + 1).append(". ").append(SafeText.of(d.fixes().get(i))).append('\n');
      }
    }
  }

  private String mark(Check.State state) {
    boolean u = style.unicode();
    return switch (state) {
      case OK -> paint(GREEN, u ? "[✓]" : "[OK]");
      case FAULT -> paint(RED, u ? "[✗]" : "[X]");
      case WARNING -> paint(YELLOW, "[!]");
      case UNCHECKED -> paint(GREY, "[?]");
      case NONE -> paint(GREY, "[-]");
    };
  }

  private String severityMark(String severity) {
    boolean u = style.unicode();
    return switch (severity) {
      case "error" -> paint(RED, u ? "✗" : "X");
      case "warning" -> paint(YELLOW, "!");
      case "unchecked" -> paint(GREY, "?");
      default -> u ? "•" : "*";
    };
  }

  private String paint(String colour, String text) {
    return style.colour() ? colour + text + RESET : text;
  }

  private static String ascii(String text) {
    String out = text;
    for (Map.Entry<String, String> e : ASCII.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }
}
