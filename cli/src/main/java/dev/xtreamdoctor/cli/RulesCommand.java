package dev.xtreamdoctor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code xtream-doctor rules ...}: work with rule files. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Work with the rule files.",
    subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
public final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand: try 'rules check' or 'rules test'");
  }
}
