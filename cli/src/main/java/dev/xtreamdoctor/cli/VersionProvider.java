package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RulesException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code -V, --version}, on every command: this build's version (from the jar's manifest), the
 * fingerprint of the rules the command would use, and the Java it runs on. A support person asks
 * for these three first; the fingerprint is the one a JSON diagnosis carries as rulesVersion.
 */
final class VersionProvider implements IVersionProvider {
  private final CommandSpec command;
  private final Terminal terminal;

  /** The version of this command, read after its options are parsed (so --rules counts). */
  VersionProvider(CommandSpec command, Terminal terminal) {
    this.command = command;
    this.terminal = terminal;
  }

  @Override
  public String[] getVersion() {
    String v = XtreamDoctorCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "xtream-doctor " + (v == null ? "(development build)" : v),
      rules(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"
    };
  }

  /** Reading the rules' text is enough for their fingerprint: nothing is compiled. */
  private String rules() {
    try {
      RuleFiles files = ruleFiles();
      return "rules " + files.fingerprint() + " (" + files.origin() + ")";
    } catch (RulesException | CliException e) {
      return "rules: " + e.getMessage();
    }
  }

  /** {@code rules check DIR} and {@code rules test DIR} name theirs; others: --rules or config. */
  private RuleFiles ruleFiles() throws RulesException, CliException {
    Optional<PositionalParamSpec> dirParameter =
        command.positionalParameters().stream()
            .filter(p -> "DIR".equals(p.paramLabel()) && p.type() == Path.class)
            .findFirst();
    if (dirParameter.isPresent()) {
      Path dir = dirParameter.get().getValue();
      return dir == null ? RuleFiles.bundled() : RuleFiles.fromDirectory(dir);
    }
    EngineOptions options =
        command.mixins().values().stream()
            .map(CommandSpec::userObject)
            .filter(EngineOptions.class::isInstance)
            .map(EngineOptions.class::cast)
            .findFirst()
            .orElseGet(EngineOptions::new);
    if (options.rulesDir == null
        && options.configFile == null
        && !Engines.rulesConfigured(terminal)) {
      return RuleFiles.bundled(); // what the configuration would say, without reading it
    }
    return Engines.ruleFiles(options, Engines.config(options));
  }
}
