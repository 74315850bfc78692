package dev.xtreamdoctor.engine;

/**
 * One problem in a rule file, located like a compiler error.
 *
 * @param file the file as the user knows it (a path, or the bundled file's name)
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message plain words
 */
public record RuleProblem(String file, int line, int column, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
