package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleLimits;
import dev.xtreamdoctor.engine.facts.Settings;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigProviderResolver;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything the command line does for its own process before picocli parses anything, in one
 * place, each step measured or needed (see README, "The launcher"):
 *
 * <ol>
 *   <li>a command that stops on a signal (simulate, watch) takes Ctrl-C from the first moment;
 *   <li>Drools' settings come from a configuration made without service-loader discovery;
 *   <li>the bundled rules start loading on a second thread when the command will surely use them.
 * </ol>
 *
 * <p>Only the command line does this: a helpdesk tool that embeds the engine keeps its own
 * configuration and loads its rules when it asks for them.
 */
final class StartUp {
  private StartUp() {}

  /**
   * Prepares the process for this command line.
   *
   * @return the rules preload, if one was started (tests join it)
   */
  static Optional<CompletableFuture<Void>> prepare(String[] args, Terminal terminal) {
    if (args.length > 0 && (args[0].equals("simulate") || args[0].equals("watch"))) {
      StopOnSignal.installEarly();
    }
    if (XtreamDoctorCommand.runsACommand(args)) {
      installDroolsSettings();
    }
    return preload(args, terminal);
  }

  /**
   * Drools reads its own settings (the {@code drools.*} keys) through MicroProfile Config when that
   * is on the classpath, as it is here, and so would build a second, complete SmallRye
   * configuration: service-loader discovery of sources, converters and interceptors, ~50 ms of CPU
   * in a short run. This gives it the sources that default configuration would have (system
   * properties, environment, META-INF/microprofile-config.properties) without the discovery. Before
   * any rules are loaded; once per process (a second call changes nothing).
   */
  static void installDroolsSettings() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      SmallRyeConfigProviderResolver.instance()
          .registerConfig(new SmallRyeConfigBuilder().addDefaultSources().build(), loader);
    } catch (IllegalStateException alreadyRegistered) {
      // Someone was first (a test, or a second call): Drools reads that one.
    }
  }

  /**
   * When the command line will surely use the bundled rules with the default cache, starts loading
   * them on a second thread (and runs one empty diagnosis, so Drools' session classes are ready
   * too) while the main thread parses options, facts and configuration. Only a guess: the command
   * looks the rules up by fingerprint and loads its own if the guess was wrong.
   *
   * @return the preload, or empty when the guess is not safe (own rules, a configuration file or a
   *     rules or cache key, another command, no home for the cache); other keys, such as the
   *     resolvers a simulated panel needs, do not change which rules load
   */
  static Optional<CompletableFuture<Void>> preload(String[] args, Terminal terminal) {
    boolean diagnosing = args.length > 0 && Engines.DIAGNOSING_COMMANDS.contains(args[0]);
    boolean ownRulesOrConfig =
        Arrays.stream(args).anyMatch(a -> a.startsWith("--rules") || a.startsWith("--config"));
    Optional<Path> cacheDir = Engines.defaultCacheDir(terminal);
    if (!diagnosing
        || ownRulesOrConfig
        || Engines.rulesConfigured(terminal)
        || cacheDir.isEmpty()) {
      return Optional.empty();
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                RuleBook book =
                    Engines.load(RuleFiles.bundled(), cacheDir, RuleLimits.defaults()).join();
                new DiagnosisEngine(book, Settings.defaults()).evaluate(FactsJson.read("[]"));
              } catch (Exception | LinkageError e) {
                // A guess that failed: the command loads the rules itself and reports any problem.
              } finally {
                done.complete(null);
              }
            },
            "rules-preload");
    t.setDaemon(true);
    t.start();
    return Optional.of(done);
  }
}
