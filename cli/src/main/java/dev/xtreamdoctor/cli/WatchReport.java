package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.facts.HourOutcome;
import dev.xtreamdoctor.engine.facts.HourSummary;
import dev.xtreamdoctor.engine.watch.CheckRecord;
import dev.xtreamdoctor.engine.watch.HistoryFacts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A watch as one self-contained HTML page: the rules' diagnosis over time, a timeline chart of
 * latency and outcome (inline SVG: nothing is fetched to view it), the summary by hour and every
 * check. Every text is HTML-escaped and the whole page scrubbed of the password.
 */
final class WatchReport {
  private WatchReport() {}

  private static final int WIDTH = 960;
  private static final int PLOT_TOP = 20;
  private static final int PLOT_HEIGHT = 220;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int STRIP = 18;

  /** Colours by category: green works, amber could not complete, one colour per fault. */
  private static final Map<String, String> COLOURS =
      Map.of(
          "NO_FAULT_FOUND", "#2e7d32",
          "INCONCLUSIVE", "#f9a825",
          "CONNECTION_TIMEOUT", "#c62828",
          "HOST_NOT_FOUND", "#6a1b9a",
          "LOGIN_FAILED", "#ef6c00",
          "AUTHORIZATION_FAILED", "#4e342e",
          "INVALID_DETAILS", "#ad1457");

  static String colour(String category) {
    return COLOURS.getOrDefault(category, "#455a64");
  }

  /**
   * The page.
   *
   * @param subject what was watched, as shown (a masked server URL, or the history's file name)
   * @param checks the checks, in any order
   * @param overTime the rules' diagnosis of them
   * @param redactor scrubs the password from the page, whatever spelling reached it
   */
  static String html(
      String subject, List<CheckRecord> checks, Diagnosis overTime, Redactor redactor) {
    List<CheckRecord> inOrder = HistoryFacts.inTimeOrder(checks);
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>xtream-doctor watch: ")
        .append(esc(subject))
        .append("</title>\n<style>\n")
        .append(
            "body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1000px;padding:0 1em;color:#222}\n")
        .append(
            "h1{font-size:1.35em}h2{font-size:1.1em;margin-top:1.6em}table{border-collapse:collapse}\n")
        .append(
            "td,th{padding:2px 8px;text-align:right;border-bottom:1px solid #ddd}td.l,th.l{text-align:left}\n")
        .append(
            ".verdict{border-left:6px solid;padding:.4em 1em;background:#fafafa}.seen{color:#555}\n")
        .append(
            ".legend span{display:inline-block;margin-right:1em}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>Watch of ").append(esc(subject)).append("</h1>\n");
    CheckRecord first = inOrder.get(0);
    CheckRecord last = inOrder.get(inOrder.size() - 1);
    h.append("<p>")
        .append(inOrder.size())
        .append(" checks from ")
        .append(esc(HistoryFacts.local(first.time())))
        .append(" to ")
        .append(esc(HistoryFacts.local(last.time())))
        .append(" (local time, UTC")
        .append(esc(first.time().getOffset().getId()))
        .append("): ")
        .append(inOrder.stream().filter(CheckRecord::working).count())
        .append(" worked, ")
        .append(inOrder.stream().filter(CheckRecord::fault).count())
        .append(" failed, ")
        .append(inOrder.stream().filter(CheckRecord::inconclusive).count())
        .append(" could not complete.</p>\n");
    verdict(h, overTime);
    h.append("<h2>Timeline</h2>\n");
    chart(h, inOrder);
    legend(h, inOrder);
    h.append("<h2>By hour of the day</h2>\n");
    hours(h, inOrder);
    everyCheck(h, inOrder);
    h.append("<p class=seen>Made by xtream-doctor; rules ")
        .append(esc(overTime.rulesVersion()))
        .append(".</p>\n");
    h.append("</body>\n</html>\n");
    return redactor.scrub(h.toString());
  }

  /** Every check as a table row, folded away under a summary line. */
  private static void everyCheck(StringBuilder h, List<CheckRecord> inOrder) {
    h.append("<h2>Every check</h2>\n<details><summary>")
        .append(inOrder.size())
        .append(
            " checks</summary>\n<table>\n<tr><th>time</th><th class=l>category</th><th class=l>cause</th>")
        .append(
            "<th>DNS</th><th>connect</th><th>TLS</th><th>login</th><th>total</th><th class=l>account</th></tr>\n");
    for (CheckRecord c : inOrder) {
      h.append("<tr><td>")
          .append(esc(HistoryFacts.local(c.time())))
          .append("</td><td class=l style=\"color:")
          .append(colour(c.category()))
          .append("\">")
          .append(esc(c.category()))
          .append("</td><td class=l>")
          .append(esc(c.cause()))
          .append("</td><td>")
          .append(WatchTable.ms(c.phases().dnsSystemMs()))
          .append("</td><td>")
          .append(WatchTable.ms(c.phases().connectMs()))
          .append("</td><td>")
          .append(WatchTable.ms(c.phases().tlsMs()))
          .append("</td><td>")
          .append(WatchTable.ms(c.phases().loginMs()))
          .append("</td><td>")
          .append(WatchTable.ms(c.phases().totalMs()))
          .append("</td><td class=l>")
          .append(
              c.account()
                  .map(
                      a -> esc(a.status()) + " " + a.activeConnections() + "/" + a.maxConnections())
                  .orElse("-"))
          .append("</td></tr>\n");
    }
    h.append("</table>\n</details>\n");
  }

  private static void verdict(StringBuilder h, Diagnosis d) {
    h.append("<div class=verdict style=\"border-color:")
        .append(colour(d.category()))
        .append("\">\n<h2>")
        .append(esc(d.title()))
        .append(d.causes().isEmpty() ? "" : ": " + esc(d.causes().get(0).text()))
        .append("</h2>\n");
    for (Diagnosis.FindingView f : d.findings()) {
      if (!d.causeIds().contains(f.causeId()) && !f.severity().equals("warning")) {
        continue;
      }
      h.append("<p><b>")
          .append(esc(f.title()))
          .append("</b><br>")
          .append(esc(f.impact()))
          .append("</p>\n<ol>\n");
      f.fixes().forEach(x -> h.append("<li>").append(esc(x)).append("</li>\n"));
      h.append("</ol>\n<ul class=seen>\n");
      f.evidence().forEach(x -> h.append("<li>").append(esc(x)).append("</li>\n"));
      h.append("</ul>\n");
    }
    h.append("</div>\n");
  }

  /** Login and connect times on a log scale, one dot per check in its category's colour. */
  private static void chart(StringBuilder h, List<CheckRecord> checks) {
    long from = checks.get(0).time().toEpochSecond();
    long to = Math.max(from + 1, checks.get(checks.size() - 1).time().toEpochSecond());
    long worst =
        checks.stream()
            .mapToLong(c -> Math.max(c.phases().loginMs(), c.phases().connectMs()))
            .max()
            .orElse(1);
    double top = Math.max(4, Math.ceil(Math.log10(Math.max(10, worst))));
    int plotWidth = WIDTH - LEFT - RIGHT;
    int height = PLOT_TOP + PLOT_HEIGHT + 30 + STRIP + 10;
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append(
            "\" role=\"img\" aria-label=\"Login and connect times over the watch\" font-size=\"11\">\n");
    grid(h, checks, from, to, plotWidth, top);
    line(h, checks, from, to, plotWidth, top, true, "#1565c0");
    line(h, checks, from, to, plotWidth, top, false, "#90a4ae");
    strip(h, checks, from, to, plotWidth, top);
    h.append("</svg>\n");
  }

  /** The time axis (log scale, one line a power of ten) and the hour or day lines. */
  private static void grid(
      StringBuilder h, List<CheckRecord> checks, long from, long to, int plotWidth, double top) {
    for (int p = 0; p <= top; p++) {
      double y = y(Math.pow(10, p), top);
      h.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>",
                  LEFT,
                  WIDTH - RIGHT,
                  y,
                  y))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">%s</text>\n",
                  LEFT - 6,
                  y + 4,
                  tick(p)));
    }
    long span = to - from;
    long step = span <= 6 * 3600 ? 3600 : span <= 48 * 3600 ? 3 * 3600 : 24 * 3600;
    OffsetDateTime start = checks.get(0).time();
    long firstTick =
        ((from + start.getOffset().getTotalSeconds()) / step + 1) * step
            - start.getOffset().getTotalSeconds();
    for (long t = firstTick; t < to && span > 0; t += step) {
      double x = x(t, from, to, plotWidth);
      String label = Instant.ofEpochSecond(t).atOffset(start.getOffset()).toLocalTime().toString();
      h.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#f0f0f0\"/>",
                  x,
                  x,
                  PLOT_TOP,
                  PLOT_TOP + PLOT_HEIGHT))
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>\n",
                  x,
                  PLOT_TOP + PLOT_HEIGHT + 14,
                  label));
    }
  }

  /** One mark per check, coloured by its diagnosis, with the login time as a dot above it. */
  private static void strip(
      StringBuilder h, List<CheckRecord> checks, long from, long to, int plotWidth, double top) {
    int stripY = PLOT_TOP + PLOT_HEIGHT + 24;
    double w = Math.max(2, (double) plotWidth / checks.size() - 1);
    for (CheckRecord c : checks) {
      double x = x(c.time().toEpochSecond(), from, to, plotWidth);
      String tip =
          esc(
              HistoryFacts.local(c.time())
                  + ": "
                  + c.category()
                  + " "
                  + c.cause()
                  + ", login "
                  + WatchTable.ms(c.phases().loginMs()));
      h.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
              x - w / 2,
              stripY,
              w,
              STRIP,
              colour(c.category()),
              tip));
      long login = c.phases().loginMs();
      if (login != CheckRecord.NOT_REACHED) {
        h.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s</title></circle>",
                x,
                y(login, top),
                colour(c.category()),
                tip));
      }
      h.append('\n');
    }
  }

  private static void line(
      StringBuilder h,
      List<CheckRecord> checks,
      long from,
      long to,
      int plotWidth,
      double top,
      boolean login,
      String stroke) {
    StringBuilder points = new StringBuilder();
    for (CheckRecord c : checks) {
      long v = login ? c.phases().loginMs() : c.phases().connectMs();
      if (v != CheckRecord.NOT_REACHED) {
        points.append(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f ",
                x(c.time().toEpochSecond(), from, to, plotWidth),
                y(v, top)));
      }
    }
    if (points.length() > 0) {
      h.append("<polyline fill=\"none\" stroke=\"")
          .append(stroke)
          .append("\" stroke-width=\"1.5\" points=\"")
          .append(points.toString().strip())
          .append("\"/>\n");
    }
  }

  private static void legend(StringBuilder h, List<CheckRecord> checks) {
    h.append("<p class=legend><span><i style=\"background:#1565c0\"></i>login time</span>")
        .append("<span><i style=\"background:#90a4ae\"></i>connect time</span>");
    checks.stream()
        .map(CheckRecord::category)
        .distinct()
        .sorted()
        .forEach(
            c ->
                h.append("<span><i style=\"background:")
                    .append(colour(c))
                    .append("\"></i>")
                    .append(esc(c))
                    .append("</span>"));
    h.append("<br>Times on a logarithmic scale; the strip below shows each check's outcome.</p>\n");
  }

  private static void hours(StringBuilder h, List<CheckRecord> checks) {
    List<HourOutcome> outcomes = HistoryFacts.outcomes(checks);
    h.append(
            "<table>\n<tr><th class=l>hour</th><th>checks</th><th>worked</th><th class=l>failures by category</th>")
        .append("<th>connect median</th><th>worst</th><th>login median</th><th>worst</th></tr>\n");
    for (HourSummary s : HistoryFacts.hours(checks)) {
      StringBuilder failed = new StringBuilder();
      for (HourOutcome o : outcomes) {
        if (o.hour() == s.hour() && !o.category().equals("NO_FAULT_FOUND")) {
          failed
              .append(failed.length() == 0 ? "" : ", ")
              .append(esc(o.category()))
              .append(' ')
              .append(o.checks());
        }
      }
      h.append("<tr><td class=l>")
          .append(s.label())
          .append("</td><td>")
          .append(s.checks())
          .append("</td><td>")
          .append(s.working())
          .append("</td><td class=l>")
          .append(failed.length() == 0 ? "-" : failed)
          .append("</td><td>")
          .append(s.medianConnectMs())
          .append(" ms</td><td>")
          .append(s.worstConnectMs())
          .append(" ms</td><td>")
          .append(s.medianLoginMs())
          .append(" ms</td><td>")
          .append(s.worstLoginMs())
          .append(" ms</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static double x(long t, long from, long to, int plotWidth) {
    return LEFT + (double) (t - from) / (to - from) * plotWidth;
  }

  private static double y(double ms, double top) {
    double v = Math.log10(Math.max(1, ms));
    return PLOT_TOP + PLOT_HEIGHT - v / top * PLOT_HEIGHT;
  }

  private static String tick(int power) {
    return switch (power) {
      case 0 -> "1 ms";
      case 1 -> "10 ms";
      case 2 -> "100 ms";
      case 3 -> "1 s";
      case 4 -> "10 s";
      case 5 -> "100 s";
      default -> "1e" + power + " ms";
    };
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
