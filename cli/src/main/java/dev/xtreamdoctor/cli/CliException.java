package dev.xtreamdoctor.cli;

/**
 * A failure the user can act on: printed as one line on stderr, never with a stack trace, and exits
 * with its code.
 */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  static CliException badInput(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
