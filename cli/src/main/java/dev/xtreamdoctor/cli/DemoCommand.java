package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.ReportWords;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.render.Format;
import dev.xtreamdoctor.engine.render.JsonRenderer;
import dev.xtreamdoctor.engine.render.Renderer;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.Diagnoser;
import dev.xtreamdoctor.probes.ProbeRequest;
import dev.xtreamdoctor.probes.ProbeSettings;
import dev.xtreamdoctor.probes.Secret;
import dev.xtreamdoctor.simulator.Scenarios;
import dev.xtreamdoctor.simulator.Simulation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor demo}: diagnoses a tour of simulated panels, one per chapter of the guide
 * plus a healthy line, with no network at hand: every server and resolver runs on loopback.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Show the doctor at work without a network: start simulated panels on loopback and diagnose"
          + " one per chapter of the guide (Invalid Details, Login Failed, Authorization Failed,"
          + " Connection Timeout, Host Not Found) plus a healthy line.",
      "With --format json: one JSON object per line (JSON Lines), one per scenario."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:every scenario got the diagnosis of its chapter",
      " 1:some scenario got another diagnosis (the rules were changed?)",
      " 2:bad input or usage",
      " 3:rules failed to load or to run",
      "70:internal error (run again with -v and report the stack trace)"
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand XtreamDoctorCommand root;
  @Mixin Verbosity verbosity;
  @Mixin OutputOptions output;
  @Mixin EngineOptions engineOptions;

  /** One stop of the tour: the chapter it shows and the scenario that shows it. */
  record Stop(String chapter, String category, String scenario) {}

  /** Fast scenarios only: each is answered (or refused) at once on loopback. */
  static final List<Stop> TOUR =
      List.of(
          new Stop("A healthy line", "NO_FAULT_FOUND", "healthy-xc2"),
          new Stop("Invalid Details", "INVALID_DETAILS", "bad-credentials-xc2"),
          new Stop("Login Failed", "LOGIN_FAILED", "isp-dns-hijack"),
          new Stop("Authorization Failed", "AUTHORIZATION_FAILED", "expired-xc2"),
          new Stop("Connection Timeout", "CONNECTION_TIMEOUT", "hang"),
          new Stop("Host Not Found", "HOST_NOT_FOUND", "name-nowhere"));

  /** Short limits: loopback answers in milliseconds; the hanging panel costs one read timeout. */
  static ProbeSettings demoSettings(Simulation sim) {
    return ProbeSettings.defaults()
        .withResolvers(List.of(sim.systemResolvers()), List.of(sim.publicResolvers()))
        .withTimeouts(1000, 1000, 5000)
        .withLimits(1 << 20, 6, 2)
        .withLoopbackOnly(true);
  }

  /**
   * A stop's chapter in the report's language: the category's title, "A healthy line" for the line
   * that works.
   */
  private static String chapter(Stop stop, RuleBook book, String language) {
    return stop.category().equals("NO_FAULT_FOUND")
        ? ReportWords.of(book.catalogue(language)).say("demo.healthy")
        : book.catalogue(language).categoryTitle(stop.category());
  }

  @Override
  public Integer call() throws CliException, InterruptedException {
    // The probes need no rules: the tour runs on a second thread while the rules load.
    ExecutorService prober = Executors.newSingleThreadExecutor(DemoCommand::daemon);
    try {
      List<Future<List<Fact>>> facts = new ArrayList<>();
      for (Stop stop : TOUR) {
        facts.add(prober.submit(() -> probe(stop)));
      }
      DoctorConfig config = Engines.config(engineOptions);
      RuleBook book = Engines.rules(engineOptions, config, root.terminal());
      DiagnosisEngine engine = new DiagnosisEngine(book, config.settings(), config.limits());
      String language = output.language(book.languages(), root.terminal());
      Renderer renderer = output.renderer(root.terminal(), book.catalogue(language));
      PrintWriter out = spec.commandLine().getOut();
      int unexpected = 0;
      ReportWords words = ReportWords.of(book.catalogue(language));
      try (LiveProgress progress =
          LiveProgress.start(spec.commandLine().getErr(), root.terminal(), output, words, false)) {
        for (int i = 0; i < TOUR.size(); i++) {
          Stop stop = TOUR.get(i);
          String chapter = chapter(stop, book, language);
          progress.step(
              words.say("progress.demo", "chapter", chapter, "scenario", stop.scenario()));
          List<Fact> observed = resultOf(facts.get(i));
          progress.pause();
          Diagnosis d = engine.evaluate(observed, null, language);
          if (output.format == Format.JSON) {
            out.println(jsonLine(stop, d));
          } else {
            out.println(words.say("demo.stop", "chapter", chapter, "scenario", stop.scenario()));
            out.println(
                words.say(
                    "demo.simulated", "description", Scenarios.get(stop.scenario()).description()));
            out.println();
            out.print(renderer.render(d));
            out.println();
          }
          out.flush();
          if (!d.category().equals(stop.category())) {
            unexpected++;
          }
        }
      }
      if (output.format != Format.JSON) {
        out.println(words.say("demo.end"));
        out.flush();
      }
      if (unexpected > 0) {
        spec.commandLine()
            .getErr()
            .printf(
                "xtream-doctor: %d scenario(s) got another diagnosis than their chapter%n",
                unexpected);
        spec.commandLine().getErr().flush();
        return ExitCode.FAULT;
      }
      return ExitCode.NO_FAULT;
    } finally {
      prober.shutdownNow();
    }
  }

  /**
   * One stop as one line of JSON (JSON Lines): the chapter, the scenario and what it simulates, the
   * category expected, and the diagnosis as {@code diagnose --format json} gives it.
   */
  static String jsonLine(Stop stop, Diagnosis d) {
    JsonObject line =
        Json.createObjectBuilder()
            .add("chapter", stop.chapter())
            .add("scenario", stop.scenario())
            .add("simulated", Scenarios.get(stop.scenario()).description())
            .add("expectedCategory", stop.category())
            .add("asExpected", d.category().equals(stop.category()))
            .add("diagnosis", JsonRenderer.toJson(d))
            .build();
    StringWriter text = new StringWriter();
    try (JsonWriter w = Json.createWriter(text)) {
      w.writeObject(line);
    }
    // Masked after writing, as diagnose's JSON is.
    return Redactor.maskUrl(text.toString());
  }

  /** Starts the stop's simulation, probes it, stops it. */
  private static List<Fact> probe(Stop stop) throws BadServerInputException {
    try (Simulation sim = Simulation.start(stop.scenario())) {
      ProbeRequest request =
          ProbeRequest.of(sim.serverUrl(), sim.username(), Secret.of(sim.password()));
      return new Diagnoser(demoSettings(sim)).run(request);
    }
  }

  private static List<Fact> resultOf(Future<List<Fact>> facts) throws InterruptedException {
    try {
      return facts.get();
    } catch (ExecutionException e) {
      // The demo's own simulation failed: a bug, reported as an internal error.
      throw new IllegalStateException("a demo scenario failed: " + e.getCause(), e.getCause());
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "demo-tour");
    t.setDaemon(true);
    return t;
  }
}
