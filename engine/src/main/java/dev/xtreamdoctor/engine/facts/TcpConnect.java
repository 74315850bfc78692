package dev.xtreamdoctor.engine.facts;

/**
 * A timed TCP connect to the server's port.
 *
 * @param address the IP address connected to
 * @param port the port
 * @param resolverRole which resolver gave the address: {@code system}, {@code public} or {@code
 *     literal} (the user typed an IP address)
 * @param outcome {@code tcp.connected}, {@code tcp.refused}, {@code tcp.timed_out}, {@code
 *     tcp.unreachable}, {@code tcp.reset}, {@code tcp.error}, {@code tcp.skipped} (not tried: the
 *     address cannot hold a server, e.g. 0.0.0.0)
 * @param stage {@code before_login}, or {@code after_login} for a connect made after the panel had
 *     already answered in this diagnosis
 * @param millis time to connect or to giving up
 * @param attempt the address's place in the order the app tries them (1, 2...), 0 for a connect
 *     outside that order
 */
public record TcpConnect(
    String address,
    int port,
    String resolverRole,
    String outcome,
    String stage,
    long millis,
    int attempt)
    implements Fact {}
