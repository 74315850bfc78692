package dev.xtreamdoctor.probes;

/**
 * The {@link TargetPolicy} refused the panel's address or port: nothing was sent to it. A probe run
 * keeps it typed ({@link Diagnoser#runOrRefuse}); its message is what the facts record.
 */
public final class TargetRefusedException extends NetworkRefusedException {
  private static final String PREFIX = "the target policy refused ";

  public TargetRefusedException(String destination, String reason) {
    super(PREFIX + destination + ": " + reason);
  }

  /** What was refused and why, without the prefix: fit for a caller. */
  public String reason() {
    return getMessage().substring(PREFIX.length());
  }
}
