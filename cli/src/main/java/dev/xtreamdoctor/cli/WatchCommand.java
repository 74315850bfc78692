package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Catalogue;
import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.PageSignals;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.ReportWords;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import dev.xtreamdoctor.engine.config.DurationText;
import dev.xtreamdoctor.engine.render.Format;
import dev.xtreamdoctor.engine.render.JsonRenderer;
import dev.xtreamdoctor.engine.render.MarkdownRenderer;
import dev.xtreamdoctor.engine.render.TextRenderer;
import dev.xtreamdoctor.engine.render.TextStyle;
import dev.xtreamdoctor.engine.watch.CheckRecord;
import dev.xtreamdoctor.engine.watch.HistoryFacts;
import dev.xtreamdoctor.engine.watch.HistoryJson;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.Diagnoser;
import dev.xtreamdoctor.probes.DiagnosisRun;
import dev.xtreamdoctor.probes.ProbeRequest;
import dev.xtreamdoctor.probes.ProbeSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor watch --server URL ... --every 5m --for 4h --history FILE}: diagnoses a line
 * again and again, one login per check, and says what the checks mean together (failures at peak
 * hours, a resolver that fails now and then, a ban that began at a given time ...).
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Diagnose a line again and again, and say what the checks mean together: failures at peak"
          + " hours, a resolver that fails now and then, a ban or an expiry that began at a given"
          + " time.",
      "Each check is one login (panels ban addresses that log in too often), --every apart and"
          + " never closer than doctor.watch.min-interval (60s). Ctrl-C stops and sums up.",
      "With --history FILE each check is appended to FILE as one JSON line (never the password);"
          + " watch --history FILE --summary reads it again without probing."
    })
// Exit codes: the same list as the root command, set in XtreamDoctorCommand.commandLine; the code
// is the
// diagnosis over the whole watch's.
public final class WatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand XtreamDoctorCommand root;
  @Mixin Verbosity verbosity;
  @Mixin OutputOptions output;
  @Mixin EngineOptions engineOptions;
  @Mixin LineOptions line;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      defaultValue = "5m",
      description = "Time between checks, e.g. 90s, 5m, 1h. Default: ${DEFAULT-VALUE}.")
  String every;

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      description = "Stop after this long, e.g. 4h (else: at --count, or on Ctrl-C).")
  String forDuration;

  @Option(names = "--count", paramLabel = "N", description = "Stop after N checks.")
  Integer count;

  @Option(
      names = "--history",
      paramLabel = "FILE",
      description = "Append each check to FILE (JSON Lines); with --summary, the history to read.")
  Path history;

  @Option(
      names = "--summary",
      description = "Read the --history FILE and sum it up, without probing.")
  boolean summary;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description = "Write one self-contained HTML page: the verdict, a timeline chart, the hours.")
  Path report;

  @Override
  public Integer call() throws CliException, InterruptedException {
    DoctorConfig config = Engines.config(engineOptions);
    if (summary) {
      return summarise(config);
    }
    Duration spacing = spacing(config);
    Duration limit = forDuration == null ? null : positive("--for", forDuration);
    if (limit != null && count != null) {
      throw CliException.badInput("give --for or --count, not both");
    }
    if (count != null && count < 1) {
      throw CliException.badInput("--count: N must be 1 or more");
    }
    line.requireServer();
    RuleFiles files = Engines.ruleFilesOrExit(engineOptions, config);
    ProbeRequest request =
        line.request(root.terminal(), Engines.appMessages(files), Engines.devices(files));
    language = output.language(files.languages(), root.terminal());
    Redactor redactor = request.redactor();
    checkWritable(history, "--history");
    checkWritable(report, "--report");
    DiagnosisEngine engine =
        new DiagnosisEngine(
            Engines.rules(files, config, root.terminal()), config.settings(), config.limits());
    Diagnoser diagnoser =
        new Diagnoser(ProbeSettings.from(config)).withPageSignals(PageSignals.of(files));
    PrintWriter out = spec.commandLine().getOut();
    TextStyle style = style();
    WatchTable table =
        new WatchTable(style, redactor, ReportWords.of(engine.ruleBook().catalogue(language)));
    List<CheckRecord> checks = new ArrayList<>();
    boolean interrupted;
    try (StopOnSignal stop = StopOnSignal.install()) {
      if (output.format == Format.TEXT || output.format == Format.MARKDOWN) {
        out.println(
            redactor.scrub(
                "Watching "
                    + Redactor.maskUrl(request.server())
                    + " every "
                    + DurationText.format(spacing)
                    + (count != null
                        ? ", " + count + (count == 1 ? " check" : " checks")
                        : limit != null ? " for " + DurationText.format(limit) : " until Ctrl-C")
                    + (history != null ? "; history: " + history : "")
                    + ". Ctrl-C stops and sums up."));
        out.println(table.header());
        out.flush();
      }
      interrupted =
          watch(request, diagnoser, engine, spacing, limit, stop, table, redactor, checks);
    }
    if (checks.isEmpty()) {
      out.println("No check completed: nothing to sum up.");
      out.flush();
      return ExitCode.INCONCLUSIVE;
    }
    if (interrupted && output.format != Format.JSON) {
      out.println("Stopped after " + checks.size() + (checks.size() == 1 ? " check." : " checks."));
    }
    return conclude(Redactor.maskUrl(request.server()), checks, engine, table, redactor);
  }

  /**
   * The checks, one after another, until the count, the time limit or a signal; each one appended
   * to the history and printed as it comes. True when a signal stopped it.
   */
  private boolean watch(
      ProbeRequest request,
      Diagnoser diagnoser,
      DiagnosisEngine engine,
      Duration spacing,
      Duration limit,
      StopOnSignal stop,
      WatchTable table,
      Redactor redactor,
      List<CheckRecord> checks)
      throws CliException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    long startNanos = System.nanoTime();
    long endNanos = limit == null ? Long.MAX_VALUE : startNanos + limit.toNanos();
    for (int n = 1; ; n++) {
      long checkNanos = System.nanoTime();
      OffsetDateTime at = OffsetDateTime.now(root.clock());
      CompletableFuture<DiagnosisRun> running =
          CompletableFuture.supplyAsync(() -> probe(diagnoser, request), WatchCommand::daemon);
      DiagnosisRun run = null;
      while (run == null) {
        if (stop.awaitMillis(0)) {
          return true; // the check in progress is abandoned; its thread is a daemon
        }
        try {
          run = running.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          // still probing: look for a signal again
        } catch (ExecutionException e) {
          if (e.getCause() instanceof BadServer b) {
            throw CliException.badInput("--server: " + b.getMessage());
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      Diagnosis d = engine.evaluate(run.facts());
      CheckRecord check = CheckRecord.of(at, d, run.wallMillis());
      checks.add(check);
      String json = redactor.scrub(HistoryJson.line(check));
      append(json);
      if (output.format == Format.JSON) {
        out.println(json);
      } else {
        out.println(table.row(n, check));
      }
      out.flush();
      if (count != null && n >= count) {
        return false;
      }
      long nextNanos = checkNanos + spacing.toNanos();
      if (nextNanos >= endNanos) {
        return false;
      }
      if (stop.awaitMillis(TimeUnit.NANOSECONDS.toMillis(nextNanos - System.nanoTime()))) {
        return true;
      }
    }
  }

  /** The summary by hour, the rules' diagnosis over the checks, and the report. */
  private int conclude(
      String subject,
      List<CheckRecord> checks,
      DiagnosisEngine engine,
      WatchTable table,
      Redactor redactor)
      throws CliException {
    PrintWriter out = spec.commandLine().getOut();
    Diagnosis overTime = engine.evaluate(HistoryFacts.of(checks), null, language);
    Catalogue words = engine.ruleBook().catalogue(language);
    switch (output.format) {
      case JSON -> out.print(redactor.scrub(new JsonRenderer(language).render(overTime)));
      case MARKDOWN -> {
        out.println();
        out.print(table.byHour(checks));
        out.println();
        out.print(redactor.scrub(new MarkdownRenderer(words).render(overTime)));
      }
      default -> {
        out.println();
        out.print(table.byHour(checks));
        out.println();
        out.print(redactor.scrub(new TextRenderer(style()).render(overTime)));
      }
    }
    out.flush();
    if (report != null) {
      write(report, WatchReport.html(subject, checks, overTime, redactor));
      if (output.format != Format.JSON) {
        out.println("Report: " + report);
        out.flush();
      }
    }
    return ExitCode.of(overTime);
  }

  /** {@code --summary}: a history read again, summed up and diagnosed, with no probe sent. */
  /** The language of the diagnosis over time (the checks' own lines stay as recorded). */
  private String language = Catalogue.ENGLISH;

  private int summarise(DoctorConfig config) throws CliException {
    if (history == null) {
      throw CliException.badInput("--summary needs --history FILE, the history to read");
    }
    if (line.given() || forDuration != null || count != null) {
      throw CliException.badInput(
          "--summary reads a history without probing: leave out --server and the other options of a"
              + " check, --for and --count");
    }
    List<CheckRecord> checks;
    try {
      checks = HistoryJson.read(history);
    } catch (HistoryJson.HistoryException e) {
      throw CliException.badInput(e.getMessage());
    }
    if (checks.isEmpty()) {
      throw CliException.badInput(history + ": no checks in it");
    }
    checkWritable(report, "--report");
    DiagnosisEngine engine =
        new DiagnosisEngine(
            Engines.rules(engineOptions, config, root.terminal()),
            config.settings(),
            config.limits());
    language = output.language(engine.ruleBook().languages(), root.terminal());
    return conclude(
        history.getFileName().toString(),
        checks,
        engine,
        new WatchTable(
            style(), Redactor.none(), ReportWords.of(engine.ruleBook().catalogue(language))),
        Redactor.none());
  }

  private Duration spacing(DoctorConfig config) throws CliException {
    Duration spacing = positive("--every", every);
    Duration min;
    try {
      min = DurationText.parse(config.watch().minInterval());
    } catch (IllegalArgumentException e) {
      throw CliException.badInput("doctor.watch.min-interval: " + e.getMessage());
    }
    if (spacing.compareTo(min) < 0) {
      throw CliException.badInput(
          "--every "
              + every
              + ": less than doctor.watch.min-interval ("
              + DurationText.format(min)
              + "); each check is a login, and panels ban addresses that log in too often");
    }
    return spacing;
  }

  private static Duration positive(String option, String text) throws CliException {
    try {
      Duration d = DurationText.parse(text);
      if (d.isZero()) {
        throw CliException.badInput(option + ": must be more than 0");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(option + ": " + e.getMessage());
    }
  }

  private TextStyle style() {
    return TextStyle.detect(
        output.noColor,
        output.ascii,
        root.terminal().env(),
        root.terminal().interactive(),
        root.terminal().charset());
  }

  /** Refused before the first check, not after an evening of them. */
  private static void checkWritable(Path file, String option) throws CliException {
    if (file == null) {
      return;
    }
    if (Files.isDirectory(file)) {
      throw CliException.badInput(option + " " + file + ": is a directory");
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw CliException.badInput(option + " " + file + ": no such directory");
    }
    if (Files.exists(file) ? !Files.isWritable(file) : dir != null && !Files.isWritable(dir)) {
      throw CliException.badInput(option + " " + file + ": permission denied");
    }
  }

  /** One line more in the history, written whole (a reader never sees half a check). */
  private void append(String json) throws CliException {
    if (history == null) {
      return;
    }
    try (Writer w =
        Files.newBufferedWriter(
            history,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      w.write(json + "\n");
    } catch (IOException e) {
      throw CliException.badInput(
          "--history " + history + ": cannot write (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void write(Path file, String text) throws CliException {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.badInput(file + ": cannot write (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A server text that cannot be read, carried out of the probing thread. */
  private static final class BadServer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadServer(String message) {
      super(message, null, false, false);
    }
  }

  private static DiagnosisRun probe(Diagnoser diagnoser, ProbeRequest request) {
    try {
      return diagnoser.runTimed(request);
    } catch (BadServerInputException e) {
      throw new BadServer(e.getMessage());
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "watch-check");
    t.setDaemon(true);
    t.start();
  }
}
