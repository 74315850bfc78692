package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Catalogue;
import dev.xtreamdoctor.engine.Devices;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.Languages;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleBookCache;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleLimits;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.config.ConfigException;
import dev.xtreamdoctor.engine.config.Configuration;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import dev.xtreamdoctor.service.ServeConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the diagnosis engine a command asked for, turning failures into exit codes. */
final class Engines {
  /**
   * Rule sets loaded in this process, by fingerprint: each is loaded once, even when a preload and
   * a command ask for it at the same time.
   */
  private static final Map<String, CompletableFuture<RuleBook>> LOADED = new ConcurrentHashMap<>();

  /** Commands that diagnose, and so need the rules; a new one that does adds its name here. */
  static final Set<String> DIAGNOSING_COMMANDS =
      Set.of("evaluate", "diagnose", "watch", "simulate", "demo");

  private Engines() {}

  /** Forgets the rule sets loaded so far, so a test sees a fresh process. */
  static void forgetLoaded() {
    LOADED.clear();
  }

  static DoctorConfig config(EngineOptions options) throws CliException {
    return config(options.configFile);
  }

  /** The configuration: -D, DOCTOR_* variables, the file if given (may be null), the defaults. */
  static DoctorConfig config(Path configFile) throws CliException {
    return configuration(configFile).doctor();
  }

  /**
   * The configuration's sections that other modules bring: every command knows their keys (one
   * configuration file serves them all, and a misspelt key is refused whichever command reads it).
   */
  static final List<Class<?>> SECTIONS = List.of(ServeConfig.class);

  /** The engine's keys and the {@link #SECTIONS}. */
  static Configuration configuration(Path configFile) throws CliException {
    try {
      return Configuration.load(Optional.ofNullable(configFile), SECTIONS);
    } catch (ConfigException e) {
      throw CliException.badInput(e.getMessage());
    }
  }

  /**
   * The rules: --rules DIR, else doctor.rules.dir, else the bundled set; loaded once per process
   * and, unless doctor.cache.enabled=false, kept compiled on disk between runs.
   */
  static RuleBook rules(EngineOptions options, DoctorConfig config, Terminal terminal)
      throws CliException {
    try {
      return rules(ruleFiles(options, config), config, terminal);
    } catch (RulesException e) {
      throw new CliException(ExitCode.RULES, e.getMessage());
    }
  }

  /** These rules, compiled and checked once per process (and cached on disk, see above). */
  static RuleBook rules(RuleFiles files, DoctorConfig config, Terminal terminal)
      throws CliException {
    try {
      return load(files, cacheDir(config, terminal), config.limits()).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RulesException r) {
        throw new CliException(ExitCode.RULES, r.getMessage());
      }
      throw e;
    }
  }

  /** {@link #ruleFiles}, a failure as the exit code for rules (3). */
  static RuleFiles ruleFilesOrExit(EngineOptions options, DoctorConfig config) throws CliException {
    try {
      return ruleFiles(options, config);
    } catch (RulesException e) {
      throw new CliException(ExitCode.RULES, e.getMessage());
    }
  }

  /** What an app may show, as the rules' catalogue lists it (none when it cannot be read). */
  static List<String> appMessages(RuleFiles files) {
    try {
      return List.copyOf(
          Catalogue.parse(files.files().getOrDefault(RuleFiles.CATALOGUE, ""))
              .appMessages()
              .keySet());
    } catch (IllegalArgumentException e) {
      return List.of(); // loading the rules says what is wrong with the catalogue
    }
  }

  /**
   * The devices a user may name, as the rules' catalogue lists them, with their other spellings.
   */
  static Devices devices(RuleFiles files) {
    try {
      return Devices.of(Catalogue.parse(files.files().getOrDefault(RuleFiles.CATALOGUE, "")));
    } catch (IllegalArgumentException e) {
      return Devices.of(
          Catalogue.parse("")); // loading the rules says what is wrong with the catalogue
    }
  }

  /**
   * The words of one language of these files, over English, without compiling the rules: for what
   * is printed before they are loaded (the live progress).
   */
  static Catalogue languageWords(RuleFiles files, String language) {
    try {
      Catalogue english = Catalogue.parse(files.files().getOrDefault(RuleFiles.CATALOGUE, ""));
      String text = files.files().get(Languages.fileOf(language));
      return text == null ? english : Catalogue.parse(text, language).over(english);
    } catch (IllegalArgumentException e) {
      return Catalogue.parse(""); // loading the rules says what is wrong with the catalogue
    }
  }

  /** The rule files a command uses: --rules DIR, else doctor.rules.dir, else the bundled set. */
  static RuleFiles ruleFiles(EngineOptions options, DoctorConfig config) throws RulesException {
    Optional<Path> dir = Optional.ofNullable(options.rulesDir).or(() -> config.rules().dir());
    return dir.isPresent() ? RuleFiles.fromDirectory(dir.get()) : RuleFiles.bundled();
  }

  /** Loads these rules once per process; a second caller (the preload, or a command) waits. */
  static CompletableFuture<RuleBook> load(
      RuleFiles files, Optional<Path> cacheDir, RuleLimits limits) {
    String key = files.fingerprint();
    CompletableFuture<RuleBook> mine = new CompletableFuture<>();
    CompletableFuture<RuleBook> known = LOADED.putIfAbsent(key, mine);
    if (known != null) {
      return known;
    }
    try {
      mine.complete(
          cacheDir.isPresent()
              ? new RuleBookCache(cacheDir.get()).load(files, limits)
              : RuleBook.compile(files, limits));
    } catch (RulesException | RuntimeException | Error e) {
      LOADED.remove(key, mine);
      mine.completeExceptionally(e);
    }
    return mine;
  }

  /**
   * doctor.cache.dir, else the XDG cache directory; none when caching is off or no home is known.
   */
  static Optional<Path> cacheDir(DoctorConfig config, Terminal terminal) {
    if (!config.cache().enabled()) {
      return Optional.empty();
    }
    if (config.cache().dir().isPresent()) {
      return config.cache().dir();
    }
    return defaultCacheDir(terminal);
  }

  static Optional<Path> defaultCacheDir(Terminal terminal) {
    String xdg = terminal.env().getOrDefault("XDG_CACHE_HOME", "");
    if (!xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "xtream-doctor"));
    }
    String home = terminal.env().getOrDefault("HOME", "");
    return home.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(home, ".cache", "xtream-doctor"));
  }

  static DiagnosisEngine engine(EngineOptions options, Terminal terminal) throws CliException {
    DoctorConfig config = config(options);
    return new DiagnosisEngine(
        rules(options, config, terminal), config.settings(), config.limits());
  }

  /**
   * Whether any doctor.rules.* or doctor.cache.* system property or DOCTOR_RULES_* or
   * DOCTOR_CACHE_* variable is set: the keys that decide which rules load and from where (else: the
   * bundled rules through the default cache). Other keys (resolvers, timeouts, thresholds) leave
   * that alone, so they do not stop the start-up preload.
   */
  static boolean rulesConfigured(Terminal terminal) {
    return System.getProperties().stringPropertyNames().stream()
            .anyMatch(k -> k.startsWith("doctor.rules.") || k.startsWith("doctor.cache."))
        || terminal.env().keySet().stream()
            .anyMatch(k -> k.startsWith("DOCTOR_RULES_") || k.startsWith("DOCTOR_CACHE_"));
  }
}
