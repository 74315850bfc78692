package dev.xtreamdoctor.probes;

/**
 * The {@link TargetPolicy} refused the panel's address or port: nothing was sent to it. Its
 * message starts with {@link #PREFIX}, which is how a refusal is told apart among the facts.
 */
public final class TargetRefusedException extends NetworkRefusedException {
  public static final String PREFIX = "the target policy refused ";

  public TargetRefusedException(String destination, String reason) {
    super(PREFIX + destination + ": " + reason);
  }

  /** The refusal again, from the detail a probe recorded (which starts with {@link #PREFIX}). */
  public static TargetRefusedException fromDetail(String detail) {
    String rest = detail.startsWith(PREFIX) ? detail.substring(PREFIX.length()) : detail;
    int colon = rest.indexOf(": ");
    return colon < 0
        ? new TargetRefusedException(rest, "refused")
        : new TargetRefusedException(rest.substring(0, colon), rest.substring(colon + 2));
  }

  /** What was refused and why, without the prefix: fit for a caller. */
  public String reason() {
    return getMessage().substring(PREFIX.length());
  }
}
