package dev.xtreamdoctor.engine.facts;

import java.util.List;

/**
 * The TLS handshake for an https server URL.
 *
 * @param address the IP address
 * @param port the port
 * @param outcome {@code tls.ok}, {@code tls.cert.expired}, {@code tls.cert.untrusted} (self-signed
 *     or unknown issuer), {@code tls.cert.name_mismatch}, {@code tls.protocol_mismatch} (the port
 *     speaks plain HTTP), {@code tls.timed_out}, {@code tls.failed}
 * @param millis handshake time or time to failure
 * @param detail a short, redacted description (certificate subject, expiry, names)
 * @param names the names and addresses the server's certificate is for, empty if none was seen
 */
public record TlsHandshake(
    String address, int port, String outcome, long millis, String detail, List<String> names)
    implements Fact {
  public TlsHandshake {
    names = List.copyOf(names);
  }
}
