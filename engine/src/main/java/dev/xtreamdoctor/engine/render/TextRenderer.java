package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Diagnosis.FindingView;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.ReportWords;
import java.util.List;
import java.util.Map;

/**
 * The report for a person at a terminal: the answer first (one line: the category and the deciding
 * cause, or that nothing is wrong), then one line per check with a mark in the manner of {@code
 * flutter doctor}, the findings of that check indented under it (what is wrong, what it breaks,
 * what was seen), then what to do, in order.
 *
 * <pre>
 * ! Found a problem: Invalid Details — The panel refused this username and password
 *
 * [✓] DNS (panel.example → 203.0.113.7)
 * [✗] Login (the panel refused the username and password)
 *     ✗ The panel refused this username and password
 *       The server is reachable, but the login cannot succeed with these details.
 *       Seen: The panel answered that it does not know this username and password
 *
 * What to do:
 *   1. Copy the username and password from the provider's message and paste them ...
 * </pre>
 *
 * Words come from the catalogue's {@code words.*} keys; with {@code verbose}, each check also shows
 * what was observed in codes and raw fields. Every text from the diagnosis passes {@link SafeText}:
 * what a panel sent cannot drive the terminal.
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
  private final boolean verbose;

  public TextRenderer(TextStyle style) {
    this(style, false);
  }

  /** A renderer that, when {@code verbose}, also shows each check's codes and raw fields. */
  public TextRenderer(TextStyle style, boolean verbose) {
    this.style = style;
    this.verbose = verbose;
  }

  @Override
  public String render(Diagnosis d) {
    StringBuilder out = new StringBuilder();
    verdict(out, d);
    out.append('\n');
    for (Check c : Checks.of(d)) {
      line(out, c, d);
    }
    todo(out, d);
    String text = Redactor.maskUrl(out.toString());
    return style.unicode() ? text : ascii(text);
  }

  /** One line of a check, as the live progress shows it too (without findings). */
  public String checkLine(String mark, String label, String status) {
    String line = mark + ' ' + SafeText.of(label);
    if (!status.isEmpty()) {
      line += ' ' + paint(GREY, "(" + SafeText.of(status) + ")");
    }
    return style.unicode() ? line : ascii(line);
  }

  private void line(StringBuilder out, Check c, Diagnosis d) {
    String status = c.shownStatus(d.words());
    out.append(checkLine(mark(c.state()), c.label(), status)).append('\n');
    if (verbose && !c.detail().isEmpty()) {
      out.append("    ").append(paint(GREY, SafeText.of(c.detail()))).append('\n');
    }
    for (FindingView f : c.findings()) {
      finding(out, f, d);
    }
  }

  private void finding(StringBuilder out, FindingView f, Diagnosis d) {
    String indent = "      ";
    out.append("    ")
        .append(severityMark(f.severity()))
        .append(' ')
        .append(SafeText.of(f.title()))
        .append('\n');
    if (!f.impact().isEmpty()) {
      out.append(indent).append(SafeText.of(f.impact())).append('\n');
    }
    // The deciding causes' fixes are the report's "what to do"; the others' stay with them.
    if (!d.causeIds().contains(f.causeId())) {
      List<String> fixes = f.fixes();
      for (int i = 0; i < fixes.size(); i++) {
        out.append(indent)
            .append(i + 1)
            .append(". ")
            .append(SafeText.of(fixes.get(i)))
            .append('\n');
      }
    }
    String seen = d.words().say("seen");
    for (String e : f.evidence()) {
      out.append(indent).append(paint(GREY, seen + ": " + SafeText.of(e))).append('\n');
    }
  }

  /** The answer, first: what is wrong and why, or that nothing is. */
  private void verdict(StringBuilder out, Diagnosis d) {
    ReportWords w = d.words();
    String cause = d.causes().isEmpty() ? "" : SafeText.of(d.causes().get(0).text());
    if (d.faultFound()) {
      int more = d.causes().size() - 1;
      String line =
          more > 0
              ? w.say(
                  "verdict.fault.more",
                  "category",
                  SafeText.of(d.title()),
                  "cause",
                  cause,
                  "more",
                  more)
              : w.say("verdict.fault", "category", SafeText.of(d.title()), "cause", cause);
      out.append(paint(RED, "! " + line)).append('\n');
      return;
    }
    if (d.inconclusive()) {
      out.append(paint(YELLOW, "? " + w.say("verdict.inconclusive", "cause", cause))).append('\n');
      out.append("  ").append(w.say("verdict.inconclusive.note")).append('\n');
      return;
    }
    long warnings = d.findings().stream().filter(f -> f.severity().equals("warning")).count();
    String line =
        warnings == 0
            ? w.say("verdict.none")
            : w.say("verdict.none.warnings", "warnings", warnings);
    out.append(paint(GREEN, (style.unicode() ? "✓ " : "* ") + line + ".")).append('\n');
    boolean shown = d.findings().stream().anyMatch(f -> d.causeIds().contains(f.causeId()));
    if (!shown && !cause.isEmpty()) {
      out.append("  ").append(cause).append('\n');
    }
  }

  /** What to do, in order: the deciding causes' fixes. */
  private void todo(StringBuilder out, Diagnosis d) {
    if (d.fixes().isEmpty()) {
      return;
    }
    out.append('\n').append(d.words().say("heading.todo")).append(":\n");
    for (int i = 0; i < d.fixes().size(); i++) {
      out.append("  ")
          .append(i + 1)
          .append(". ")
          .append(SafeText.of(d.fixes().get(i)))
          .append('\n');
    }
  }

  /** The mark of a check in this style. */
  String mark(Check.State state) {
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
