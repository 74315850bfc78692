package dev.xtreamdoctor.cli;

import picocli.CommandLine.Option;

/** {@code -v}: show stack traces of internal errors. Mixed into every command. */
public final class Verbosity {
  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces of internal errors.")
  boolean verbose;
}
