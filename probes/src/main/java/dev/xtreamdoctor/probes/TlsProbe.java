package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.TlsHandshake;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A TLS handshake with the server, as an app would make it: SNI and name check against the host
 * from the URL, on a connection to the address the DNS probe chose. No HTTP is sent.
 */
final class TlsProbe {
  private final NetworkGate gate;
  private final TlsTrust trust;
  private final int connectMs;
  private final int handshakeMs;

  TlsProbe(NetworkGate gate, TlsTrust trust, int connectMs, int handshakeMs) {
    this.gate = gate;
    this.trust = trust;
    this.connectMs = connectMs;
    this.handshakeMs = handshakeMs;
  }

  TlsHandshake handshake(InetAddress address, int port, String host, String hostKind)
      throws IOException, GeneralSecurityException {
    TlsTrust.Recorded ctx = trust.newContext();
    long start = System.nanoTime();
    try (Socket plain = gate.newSocket()) {
      plain.connect(new InetSocketAddress(address, port), connectMs);
      plain.setSoTimeout(handshakeMs);
      try (SSLSocket tls =
          (SSLSocket) ctx.context().getSocketFactory().createSocket(plain, host, port, true)) {
        SSLParameters p = tls.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (hostKind.equals("name")) {
          p.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(p);
        tls.startHandshake();
        X509Certificate leaf = ctx.recorder().leaf();
        // a trust anchor is never checked for validity: look at the dates ourselves, as apps do
        String outcome =
            leaf != null && isExpired(leaf) ? Outcome.TLS_CERT_EXPIRED : Outcome.TLS_OK;
        return new TlsHandshake(
            address.getHostAddress(),
            port,
            outcome,
            millisSince(start),
            describe(leaf),
            names(leaf));
      }
    } catch (IOException e) {
      NetworkRefusedException refused = NetworkRefusedException.findIn(e);
      if (refused != null) {
        throw refused;
      }
      X509Certificate leaf = ctx.recorder().leaf();
      String outcome =
          leaf != null && !covers(leaf, host, hostKind)
              ? Outcome.TLS_CERT_NAME_MISMATCH
              : classify(e, leaf);
      return new TlsHandshake(
          address.getHostAddress(), port, outcome, millisSince(start), describe(leaf), names(leaf));
    }
  }

  /**
   * Each fault of a certificate has its own fix, so the one the user can act on is named first: a
   * certificate for another name (type the name it is for) before an expired one before one from an
   * unknown issuer. (Java's own check stops at the first, which is the issuer.)
   */
  static String classify(Throwable e, X509Certificate leaf) {
    if (leaf != null && isExpired(leaf)) {
      return Outcome.TLS_CERT_EXPIRED;
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      if (c instanceof CertificateExpiredException
          || c instanceof CertificateNotYetValidException) {
        return Outcome.TLS_CERT_EXPIRED;
      }
      if (m.contains("no subject alternative")
          || m.contains("doesn't match")
          || m.contains("no name matching")) {
        return Outcome.TLS_CERT_NAME_MISMATCH;
      }
      if (m.contains("pkix path")
          || m.contains("unable to find valid certification path")
          || m.contains("self signed")
          || m.contains("self-signed")) {
        return Outcome.TLS_CERT_UNTRUSTED;
      }
      if (m.contains("unsupported or unrecognized ssl message")
          || m.contains("plaintext connection")) {
        return Outcome.TLS_PROTOCOL_MISMATCH;
      }
      if (c instanceof SocketTimeoutException || m.contains("timed out")) {
        return Outcome.TLS_TIMED_OUT;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return Outcome.TLS_FAILED;
  }

  /** The DNS names and IP addresses the certificate is for (its subject alternative names). */
  static List<String> names(X509Certificate leaf) {
    List<String> out = new ArrayList<>();
    if (leaf == null) {
      return out;
    }
    try {
      Collection<List<?>> alt = leaf.getSubjectAlternativeNames();
      if (alt != null) {
        for (List<?> entry : alt) {
          int type = (Integer) entry.get(0);
          if ((type == 2 || type == 7) && entry.get(1) instanceof String name) {
            out.add(name.toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // no readable names: as if there were none
    }
    return out;
  }

  /**
   * Whether the certificate is for this host, as OkHttp's hostname verifier decides: subject
   * alternative names only, a wildcard for one left-most label, IP addresses compared as such.
   */
  static boolean covers(X509Certificate leaf, String host, String hostKind) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String name : names(leaf)) {
      if (!hostKind.equals("name")) {
        if (sameAddress(name, h)) {
          return true;
        }
      } else if (name.equals(h)
          || name.startsWith("*.")
              && h.indexOf('.') > 0
              && h.substring(h.indexOf('.')).equals(name.substring(1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameAddress(String a, String b) {
    if (!a.matches("[0-9a-f:.]+") || !b.matches("[0-9a-f:.%a-z0-9]+")) {
      return false;
    }
    try {
      // literals only (checked above): no lookup happens
      return InetAddress.getByName(a).equals(InetAddress.getByName(b.replaceAll("%.*$", "")));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isExpired(X509Certificate cert) {
    Date now = new Date();
    return now.after(cert.getNotAfter()) || now.before(cert.getNotBefore());
  }

  /** Subject, issuer and validity: public facts about the certificate, never a secret. */
  private static String describe(X509Certificate leaf) {
    if (leaf == null) {
      return "";
    }
    String subject = leaf.getSubjectX500Principal().getName();
    String issuer = leaf.getIssuerX500Principal().getName();
    return "subject "
        + subject
        + (subject.equals(issuer) ? " (self-issued)" : "; issuer " + issuer)
        + "; valid until "
        + leaf.getNotAfter().toInstant();
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
