package dev.xtreamdoctor.probes;

import java.io.IOException;

/** The {@link NetworkGate} refused a destination before any packet left. */
public class NetworkRefusedException extends IOException {
  public NetworkRefusedException(String message) {
    super(message);
  }

  /** The refusal somewhere in a cause chain, if any: probes report it as a tool problem. */
  static NetworkRefusedException findIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof NetworkRefusedException r) {
        return r;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
