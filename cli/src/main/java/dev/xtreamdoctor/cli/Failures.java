package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.RulesFailedException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and an exit code. Stack traces only with {@code -v},
 * and only for internal errors: a user's mistake is never shown as a crash.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(
        "xtream-doctor: "
            + oneLine(e.getMessage())
            + suggestions(e)
            + " (see '"
            + cmd.getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return ExitCode.USAGE;
  }

  /** A mistyped command or option: what was probably meant, on the same line. */
  private static String suggestions(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
      return "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
    }
    return "";
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof CliException c) {
      // Rule problems are one line each (file:line:col: message); anything else is one line.
      for (String line : c.getMessage().split("\\R")) {
        err.println(c.exitCode() == ExitCode.RULES ? line : "xtream-doctor: " + line);
      }
      err.flush();
      return c.exitCode();
    }
    if (e instanceof RulesFailedException r) {
      // The rules ran away or broke on these facts: one line per rule at fault, file:line:col.
      r.problems().forEach(p -> err.println(p));
      err.flush();
      return ExitCode.RULES;
    }
    err.println(
        "xtream-doctor: internal error: "
            + oneLine(String.valueOf(e))
            + (verbose(parsed) ? "" : " (run again with -v for the stack trace)"));
    if (verbose(parsed)) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(String message) {
    return Redactor.maskUrl(String.valueOf(message)).replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
