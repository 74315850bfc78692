package dev.xtreamdoctor.probes;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which panels the probes may contact: asked by the {@link NetworkGate} for every address a
 * diagnosis resolved and for every connect, so a check forgotten in one place cannot be bypassed.
 * The command line contacts anything (users diagnose their own LAN panels); a service exposed to
 * others plugs in a guard that refuses internal addresses and odd ports.
 *
 * <p>DNS resolvers are not targets: they come from the operator's configuration, not from the
 * request, and are not asked about.
 */
public interface TargetPolicy {

  /** Why this address must not be contacted, or empty when it may. */
  Optional<String> addressRefusal(InetAddress address);

  /** Why this port must not be contacted, or empty when it may. */
  Optional<String> portRefusal(int port);

  /**
   * Why this address and port together must not be contacted (e.g. the service's own listening
   * socket), or empty when they may; asked after the two checks above.
   */
  default Optional<String> destinationRefusal(InetAddress address, int port) {
    return Optional.empty();
  }

  /** The policy of the command line: every address and port. */
  static TargetPolicy any() {
    return AnyTarget.INSTANCE;
  }

  /** The policy that lets everything through. */
  enum AnyTarget implements TargetPolicy {
    INSTANCE;

    @Override
    public Optional<String> addressRefusal(InetAddress address) {
      return Optional.empty();
    }

    @Override
    public Optional<String> portRefusal(int port) {
      return Optional.empty();
    }
  }
}
