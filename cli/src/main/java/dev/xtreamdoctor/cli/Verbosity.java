package dev.xtreamdoctor.cli;

import picocli.CommandLine.Option;

/** {@code -v}: show stack traces of internal errors. Mixed into every command. */
public final class Verbosity {
  @Option(
      names = {"-v", "--verbose"},
      description =
          "Also show what each check saw in codes and raw fields (text output), and stack"
              + " traces of internal errors.")
  boolean verbose;
}
