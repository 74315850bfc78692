package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleBookCache;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.config.ConfigException;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the diagnosis engine a command asked for, turning failures into exit codes. */
final class Engines {
  /** Rule sets compiled in this process, by fingerprint: a long-running caller compiles once. */
  private static final Map<String, RuleBook> COMPILED = new ConcurrentHashMap<>();

  private Engines() {}

  static DoctorConfig config(EngineOptions options) throws CliException {
    try {
      return DoctorConfig.load(Optional.ofNullable(options.configFile));
    } catch (ConfigException e) {
      throw CliException.badInput(e.getMessage());
    }
  }

  /**
   * The rules: --rules DIR, else doctor.rules.dir, else the bundled set; compiled once per process
   * and, unless doctor.cache.enabled=false, kept compiled on disk between runs.
   */
  static RuleBook rules(EngineOptions options, DoctorConfig config, Terminal terminal)
      throws CliException {
    Optional<Path> dir = Optional.ofNullable(options.rulesDir).or(() -> config.rules().dir());
    try {
      RuleFiles files = dir.isPresent() ? RuleFiles.fromDirectory(dir.get()) : RuleFiles.bundled();
      RuleBook known = COMPILED.get(files.fingerprint());
      if (known != null) {
        return known;
      }
      Optional<Path> cacheDir = cacheDir(config, terminal);
      RuleBook book =
          cacheDir.isPresent()
              ? new RuleBookCache(cacheDir.get()).load(files)
              : RuleBook.compile(files);
      COMPILED.put(files.fingerprint(), book);
      return book;
    } catch (RulesException e) {
      throw new CliException(ExitCode.RULES, e.getMessage());
    }
  }

  /** doctor.cache.dir, else the XDG cache directory; none when caching is off or no home is known. */
  static Optional<Path> cacheDir(DoctorConfig config, Terminal terminal) {
    if (!config.cache().enabled()) {
      return Optional.empty();
    }
    if (config.cache().dir().isPresent()) {
      return config.cache().dir();
    }
    String xdg = terminal.env().getOrDefault("XDG_CACHE_HOME", "");
    if (!xdg.isBlank()) {
      return Optional.of(Path.of(xdg, "xtream-doctor"));
    }
    String home = terminal.env().getOrDefault("HOME", "");
    return home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, ".cache", "xtream-doctor"));
  }

  static DiagnosisEngine engine(EngineOptions options, Terminal terminal) throws CliException {
    DoctorConfig config = config(options);
    return new DiagnosisEngine(rules(options, config, terminal), config.settings());
  }
}
