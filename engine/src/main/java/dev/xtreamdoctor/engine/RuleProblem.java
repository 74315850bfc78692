package dev.xtreamdoctor.engine;

/**
 * One problem in a rule file, located like a compiler error.
 *
 * @param file the file as the user knows it (a path, or the bundled file's name)
 * @param line 1-based line, 0 when the problem is the whole file or set
 * @param column 1-based column (1 when only the line is known), 0 when the line is unknown
 * @param message plain words
 */
public record RuleProblem(String file, int line, int column, String message) {
  public RuleProblem {
    line = Math.max(line, 0);
    column = line == 0 ? 0 : Math.max(column, 1);
  }

  /** {@code file:line:col: message}, or {@code file: message} for the whole file. */
  @Override
  public String toString() {
    return line == 0 ? file + ": " + message : file + ":" + line + ":" + column + ": " + message;
  }
}
