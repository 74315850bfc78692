package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.config.Configuration;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import dev.xtreamdoctor.service.DoctorService;
import dev.xtreamdoctor.service.JsonLogFormatter;
import dev.xtreamdoctor.service.ProbeLines;
import dev.xtreamdoctor.service.ServeConfig;
import dev.xtreamdoctor.service.ServeSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code xtream-doctor serve}: the HTTP JSON service and helpdesk page until the process is
 * stopped. Everything is configured through {@code doctor.serve.*}; the tokens are required.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve diagnoses over HTTP (POST /v1/diagnoses, POST /v1/evaluations, GET /v1/rules, /health,"
          + " /openapi.json) and the helpdesk page at /; GET /probe?line=NAME answers one diagnosis of a"
          + " line of doctor.serve.lines-file in the Prometheus text format.",
      "Needs doctor.serve.tokens (bearer tokens, 16+ characters). Diagnoses never reach private,"
          + " loopback or link-local addresses unless doctor.serve.allow-cidrs lists them."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:stopped",
      " 2:bad configuration, the port is taken or the budget's Redis does not answer",
      " 3:rules failed to load"
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand XtreamDoctorCommand root;
  @Mixin EngineOptions engineOptions;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Listen on PORT (also doctor.serve.port).")
  Integer port;

  @Override
  public Integer call() throws CliException {
    Configuration loaded = Engines.configuration(engineOptions.configFile);
    DoctorConfig config = loaded.doctor();
    ServeConfig serve = loaded.section(ServeConfig.class);
    ServeSettings settings;
    TargetGuard guard;
    try {
      settings = ServeSettings.from(serve);
      settings = port == null ? settings : settings.withPort(port);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage()); // names its doctor.serve key
    }
    guard = guard(serve);
    XtreamDoctor.Builder builder = doctor(config, serve);
    ProbeLines lines;
    try {
      lines = serve.linesFile().map(ProbeLines::load).orElse(ProbeLines.none());
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage()); // names doctor.serve.lines-file
    }
    // one JSON object per log line, each naming its request (X-Request-Id), for journald or a
    // shipper
    JsonLogFormatter.install();
    DoctorService service;
    try {
      service = DoctorService.start(settings, builder, guard, lines);
    } catch (RulesException e) {
      throw new CliException(ExitCode.RULES, e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      throw CliException.badInput(
          "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
    } catch (IllegalStateException e) {
      throw CliException.badInput(e.getMessage()); // e.g. the shared budget's Redis does not answer
    }
    spec.commandLine()
        .getOut()
        .println(
            "xtream-doctor serving on "
                + service.uri()
                + " (rules "
                + service.doctor().rules().fingerprint()
                + ")");
    spec.commandLine().getOut().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.close();
                  stopped.countDown();
                },
                "serve-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      service.close();
    }
    return ExitCode.NO_FAULT;
  }

  /** The servers this service may contact (doctor.serve.allow-cidrs, doctor.serve.ports). */
  private static TargetGuard guard(ServeConfig serve) throws CliException {
    List<String> cidrs = serve.allowCidrs().orElse(List.of());
    try {
      TargetGuard.of(cidrs, Set.of());
    } catch (IllegalArgumentException e) {
      throw CliException.badInput("doctor.serve.allow-cidrs: " + e.getMessage());
    }
    try {
      return TargetGuard.of(cidrs, Set.copyOf(serve.ports()));
    } catch (IllegalArgumentException e) {
      throw CliException.badInput("doctor.serve.ports: " + e.getMessage());
    }
  }

  /** The doctor: its configuration, its rules (watched if asked), the check before a reload. */
  private XtreamDoctor.Builder doctor(DoctorConfig config, ServeConfig serve) {
    Optional<Path> dir = Optional.ofNullable(engineOptions.rulesDir).or(() -> config.rules().dir());
    XtreamDoctor.Builder builder = XtreamDoctor.builder().configuration(config);
    if (serve.reloadRequiresRulesTest()) {
      builder.rulesCheck(new GuideScenariosCheck());
    }
    if (dir.isPresent()) {
      builder.rulesDirectory(dir.get());
      if (serve.watchRules()) {
        builder.watchRules(Duration.ofMillis(serve.reloadDebounceMs()));
      }
    }
    return builder;
  }
}
