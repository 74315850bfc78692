package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.ReportWords;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import dev.xtreamdoctor.engine.render.Checks;
import dev.xtreamdoctor.engine.render.SafeText;
import dev.xtreamdoctor.probes.ProbeListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live progress on a terminal, on standard error, while the probes work: a line per layer of the
 * login as its probe finishes (what it saw, in the report's words, and how long it took), and a
 * spinner with the elapsed seconds on the step that runs. The lines describe; the marks that judge
 * come with the report, from the rules. Off (every method does nothing) when standard output or
 * standard error is no terminal, with {@code --format json}, or with {@code TERM=dumb}.
 */
final class LiveProgress implements ProbeListener, AutoCloseable {
  private static final String[] SPIN_UNICODE = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
  private static final String[] SPIN_ASCII = {"|", "/", "-", "\\"};
  private static final String GREY = "\u001b[90m";
  private static final String RESET = "\u001b[0m";

  /** Erases the line the cursor is on. */
  private static final String CLEAR = "\r\u001b[K";

  private static final LiveProgress OFF =
      new LiveProgress(null, ReportWords.bundled(), false, false, false);

  private final PrintWriter err;
  private final ReportWords words;
  private final boolean unicode;
  private final boolean colour;
  private final boolean layerLines;
  private final List<Fact> seen = new ArrayList<>();

  /** The layers already shown: each once, when the step that observed it first finished. */
  private final java.util.Set<String> shown = new java.util.HashSet<>();

  private final ScheduledExecutorService ticker;
  private String running = "";
  private long runningSince = System.nanoTime();
  private int frame;
  private boolean wroteLines;

  private LiveProgress(
      PrintWriter err, ReportWords words, boolean unicode, boolean colour, boolean layerLines) {
    this.err = err;
    this.words = words;
    this.unicode = unicode;
    this.colour = colour;
    this.layerLines = layerLines;
    if (err == null) {
      ticker = null;
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "live-progress");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
  }

  /** Whether live progress suits this run: both outputs a terminal, and not for programs. */
  static boolean wanted(Terminal terminal, OutputOptions output) {
    return terminal.interactive()
        && terminal.errInteractive()
        && output.format != dev.xtreamdoctor.engine.render.Format.JSON
        && !"dumb".equals(terminal.env().get("TERM"));
  }

  /**
   * Progress on {@code err} where it suits ({@link #wanted}), else none. With {@code layerLines}, a
   * line per layer as its probe finishes; without, only the spinner on the running step.
   */
  static LiveProgress start(
      PrintWriter err,
      Terminal terminal,
      OutputOptions output,
      ReportWords words,
      boolean layerLines) {
    if (!wanted(terminal, output)) {
      return OFF;
    }
    var style =
        dev.xtreamdoctor.engine.render.TextStyle.detect(
            output.noColor, output.ascii, terminal.env(), true, terminal.charset());
    return new LiveProgress(err, words, style.unicode(), style.colour(), layerLines);
  }

  boolean on() {
    return err != null;
  }

  /** A step begins: the spinner shows its name and the seconds since. */
  synchronized void step(String label) {
    if (err == null) {
      return;
    }
    running = label;
    runningSince = System.nanoTime();
    draw();
  }

  /** No step runs: the spinner goes (before the command writes to standard output). */
  synchronized void pause() {
    if (err == null) {
      return;
    }
    running = "";
    draw();
  }

  /** A finished line, above the spinner. */
  synchronized void line(String text) {
    if (err == null) {
      return;
    }
    err.print(CLEAR + SafeText.of(text) + "\n");
    wroteLines = true;
    draw();
  }

  @Override
  public void started(String step) {
    step(label(step));
  }

  @Override
  public synchronized void finished(String step, List<Fact> observed) {
    if (err == null) {
      return;
    }
    double seconds = (System.nanoTime() - runningSince) / 1e9;
    seen.addAll(observed);
    if (layerLines) {
      for (String layer : Vocabulary.LAYERS) {
        List<Fact> facts =
            observed.stream().filter(f -> Checks.layersOf(f).contains(layer)).toList();
        if (facts.isEmpty() || layer.equals("symptoms") || shown.contains(layer)) {
          continue;
        }
        String status = Checks.status(layer, facts, seen, words);
        if (status.isEmpty()) {
          continue; // a fact that says nothing on its own (a latency sample before any connect)
        }
        shown.add(layer);
        String text =
            (unicode ? "• " : "* ")
                + words.layer(layer)
                + (status.isEmpty() ? "" : " (" + status + ")");
        String time =
            step.equals("input")
                ? ""
                : " "
                    + words.say(
                        "progress.seconds", "seconds", String.format(Locale.ROOT, "%.1f", seconds));
        err.print(CLEAR + plain(SafeText.of(text)) + grey(time) + "\n");
        wroteLines = true;
      }
    }
    running = "";
    draw();
  }

  /** Stops the spinner and erases it; the lines printed stay, a blank line under them. */
  @Override
  public synchronized void close() {
    if (err == null) {
      return;
    }
    ticker.shutdownNow();
    err.print(CLEAR + (wroteLines ? "\n" : ""));
    err.flush();
    running = "";
  }

  private synchronized void tick() {
    if (!running.isEmpty()) {
      frame++;
      draw();
    }
  }

  private void draw() {
    if (running.isEmpty()) {
      err.print(CLEAR);
    } else {
      String[] spin = unicode ? SPIN_UNICODE : SPIN_ASCII;
      double seconds = (System.nanoTime() - runningSince) / 1e9;
      err.print(
          CLEAR
              + spin[frame % spin.length]
              + " "
              + plain(SafeText.of(running))
              + (unicode ? "…" : "...")
              + " "
              + grey(
                  words.say(
                      "progress.seconds", "seconds", String.format(Locale.ROOT, "%.1f", seconds))));
    }
    err.flush();
  }

  private String label(String step) {
    return switch (step) {
      case "comparison" -> words.say("progress.step.comparison");
      case "login" -> words.layer("login");
      default -> words.layer(step);
    };
  }

  private String grey(String text) {
    return colour && !text.isEmpty() ? GREY + text + RESET : text;
  }

  private String plain(String text) {
    if (unicode) {
      return text;
    }
    return text.replace("→", "->")
        .replace("“", "\"")
        .replace("”", "\"")
        .replace("—", "-")
        .replace("…", "...");
  }
}
