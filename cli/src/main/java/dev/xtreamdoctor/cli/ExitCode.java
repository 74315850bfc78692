package dev.xtreamdoctor.cli;

/** The exit codes every command uses; listed in {@code --help}. Scripts rely on them. */
public final class ExitCode {
  private ExitCode() {}

  /** The diagnosis found no fault (or the command succeeded). */
  public static final int NO_FAULT = 0;

  /** A fault was diagnosed. */
  public static final int FAULT = 1;

  /** Bad input or usage: a missing file, invalid JSON, an unknown option or value. */
  public static final int USAGE = 2;

  /**
   * The rules failed to load (a compile error in a rule file, a missing catalogue) or to run (a
   * rule kept firing, the evaluation's deadline passed, a then part threw).
   */
  public static final int RULES = 3;

  /** The check could not complete: no fault was seen, but no working login either. */
  public static final int INCONCLUSIVE = 4;

  /** A bug in xtream-doctor (EX_SOFTWARE in sysexits.h). */
  public static final int INTERNAL = 70;

  /** The exit code a diagnosis gives: fault, no verdict, or no fault. */
  public static int of(dev.xtreamdoctor.engine.Diagnosis diagnosis) {
    return diagnosis.faultFound() ? FAULT : diagnosis.inconclusive() ? INCONCLUSIVE : NO_FAULT;
  }
}
