package dev.xtreamdoctor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which rules and configuration a command uses: shared by every command that diagnoses. */
public final class EngineOptions {
  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "Use the rules in DIR instead of the bundled ones (also doctor.rules.dir).")
  Path rulesDir;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of doctor.* keys; -D and DOCTOR_* variables still win.")
  Path configFile;
}
