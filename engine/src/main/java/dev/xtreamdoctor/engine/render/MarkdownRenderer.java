package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Catalogue;
import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Diagnosis.FindingView;
import dev.xtreamdoctor.engine.Redactor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reply a support agent pastes into a ticket: no greeting (the agent writes their own), the
 * category, what was checked and when, then "What we found", "What to do" (numbered, in order) and
 * "Details" (the evidence). In Markdown by default; {@link #plainText()} writes the same reply for
 * ticket systems that show text as typed.
 */
public final class MarkdownRenderer implements Renderer {
  private final boolean markdown;
  private final Catalogue words;

  /** The reply in Markdown, its own words in English. */
  public MarkdownRenderer() {
    this(Catalogue.bundled(Catalogue.ENGLISH));
  }

  /** The reply in Markdown, its own words ({@code report.*}) from this catalogue. */
  public MarkdownRenderer(Catalogue words) {
    this(true, words);
  }

  private MarkdownRenderer(boolean markdown, Catalogue words) {
    this.markdown = markdown;
    this.words = words;
  }

  /** The same reply as plain text: no emphasis, headings as lines of their own, nothing escaped. */
  public static MarkdownRenderer plainText() {
    return plainText(Catalogue.bundled(Catalogue.ENGLISH));
  }

  /** {@link #plainText()}, its own words from this catalogue. */
  public static MarkdownRenderer plainText(Catalogue words) {
    return new MarkdownRenderer(false, words);
  }

  @Override
  public String render(Diagnosis d) {
    StringBuilder out = new StringBuilder();
    out.append(strong(d.title())).append("\n\n");
    out.append(text(checked(d))).append("\n\n");

    out.append(heading(words.report("what_we_found"))).append("\n\n");
    if (d.inconclusive()) {
      out.append(text(words.report("could_not_complete_reply"))).append("\n\n");
    } else if (!d.faultFound()) {
      out.append(text(words.report("no_problems_reply"))).append("\n\n");
    }
    for (Diagnosis.Cause c : d.causes()) {
      out.append("- ").append(strong(sentence(c.text())));
      impactOf(d, c.id()).ifPresent(i -> out.append(" ").append(text(i)));
      out.append('\n');
    }
    List<FindingView> warnings =
        d.findings().stream()
            .filter(f -> f.severity().equals("warning") && !d.causeIds().contains(f.causeId()))
            .toList();
    for (FindingView w : warnings) {
      out.append("- ")
          .append(text(words.report("also_worth_a_look", Map.of("title", w.title()))))
          .append('\n');
    }

    out.append("\n").append(heading(words.report("what_to_do"))).append("\n\n");
    Set<String> fixes = new LinkedHashSet<>(d.fixes());
    warnings.forEach(w -> fixes.addAll(w.fixes()));
    int n = 1;
    for (String fix : fixes) {
      out.append(n++).append(". ").append(text(fix)).append('\n');
    }
    if (fixes.isEmpty()) {
      out.append(text(words.report("nothing_to_change"))).append('\n');
    }

    Set<String> evidence = new LinkedHashSet<>(d.evidence());
    warnings.forEach(w -> evidence.addAll(w.evidence()));
    if (!evidence.isEmpty()) {
      out.append("\n").append(heading(words.report("details"))).append("\n\n");
      evidence.forEach(e -> out.append("- ").append(text(e)).append('\n'));
    }
    String footer = text(words.report("signature", Map.of("version", d.rulesVersion())));
    out.append('\n').append(markdown ? "<sub>" + footer + "</sub>" : footer).append('\n');
    return Redactor.maskUrl(out.toString());
  }

  private String strong(String s) {
    return markdown ? "**" + esc(s) + "**" : SafeText.of(s);
  }

  private String heading(String s) {
    return markdown ? "### " + esc(s) : SafeText.of(s);
  }

  private String text(String s) {
    return markdown ? esc(s) : SafeText.of(s);
  }

  /**
   * What was checked and when: "Checked http://panel.example:8080 as john on 6 December 2026, 07:40
   * UTC."
   */
  static String checked(Diagnosis d) {
    Diagnosis.Target t = d.target();
    String user =
        t.username().isEmpty() ? "" : d.words().say("checked.user", "username", t.username());
    return d.words()
        .say(
            "checked",
            "server",
            t.server().isEmpty() ? "?" : t.server(),
            "asUser",
            user,
            "date",
            d.words().dateTime(d.checkedAt().getEpochSecond()));
  }

  private static java.util.Optional<String> impactOf(Diagnosis d, String causeId) {
    return d.findings().stream()
        .filter(f -> f.causeId().equals(causeId) && !f.impact().isEmpty())
        .map(FindingView::impact)
        .findFirst();
  }

  private static String sentence(String text) {
    return text.isEmpty() || ".!?".indexOf(text.charAt(text.length() - 1)) >= 0 ? text : text + ".";
  }

  /**
   * Escapes what Markdown would read as formatting, so texts and URLs show as written, after {@link
   * SafeText} has made control characters visible.
   */
  static String esc(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : SafeText.of(text).toCharArray()) {
      if ("\\`*_[]<>|".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
