package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.RuleBook;
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

  /** The rules: --rules DIR, else doctor.rules.dir, else the bundled set. */
  static RuleBook rules(EngineOptions options, DoctorConfig config) throws CliException {
    Optional<Path> dir = Optional.ofNullable(options.rulesDir).or(() -> config.rules().dir());
    return rules(dir);
  }

  static RuleBook rules(Optional<Path> dir) throws CliException {
    try {
      RuleFiles files = dir.isPresent() ? RuleFiles.fromDirectory(dir.get()) : RuleFiles.bundled();
      RuleBook known = COMPILED.get(files.fingerprint());
      if (known != null) {
        return known;
      }
      RuleBook book = RuleBook.compile(files);
      COMPILED.put(files.fingerprint(), book);
      return book;
    } catch (RulesException e) {
      throw new CliException(ExitCode.RULES, e.getMessage());
    }
  }

  static DiagnosisEngine engine(EngineOptions options) throws CliException {
    DoctorConfig config = config(options);
    return new DiagnosisEngine(rules(options, config), config.settings());
  }
}
