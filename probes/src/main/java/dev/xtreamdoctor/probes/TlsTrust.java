package dev.xtreamdoctor.probes;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which certificates count as trusted: the system's, or (in tests) a given key store. It also
 * remembers the last server certificate seen, so a failed handshake can still say what the server
 * showed.
 */
public final class TlsTrust {
  private final KeyStore trustStore;

  private TlsTrust(KeyStore trustStore) {
    this.trustStore = trustStore;
  }

  private static final TlsTrust SYSTEM = new TlsTrust(null);

  /** The JVM's default trust store, as a player app would use. */
  public static TlsTrust system() {
    return SYSTEM;
  }

  /** Exactly the certificates in this key store. */
  public static TlsTrust trusting(KeyStore trustStore) {
    return new TlsTrust(trustStore);
  }

  /** A fresh context with a fresh recorder: one per handshake or client. */
  Recorded newContext() throws GeneralSecurityException {
    TrustManagerFactory f =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(trustStore);
    X509ExtendedTrustManager base = null;
    for (TrustManager tm : f.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x) {
        base = x;
      }
    }
    if (base == null) {
      throw new GeneralSecurityException("no X509 trust manager");
    }
    Recorder recorder = new Recorder(base);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {recorder}, null);
    return new Recorded(ctx, recorder);
  }

  record Recorded(SSLContext context, Recorder recorder) {}

  /** Delegates every check; keeps the server's leaf certificate. */
  static final class Recorder extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager base;
    private volatile X509Certificate leaf;

    Recorder(X509ExtendedTrustManager base) {
      this.base = base;
    }

    X509Certificate leaf() {
      return leaf;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      keep(chain);
      base.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      keep(chain);
      base.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      keep(chain);
      base.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      base.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      base.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      base.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return base.getAcceptedIssuers();
    }

    private void keep(X509Certificate[] chain) {
      if (chain != null && chain.length > 0) {
        leaf = chain[0];
      }
    }
  }
}
