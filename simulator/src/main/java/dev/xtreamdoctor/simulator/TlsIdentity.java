package dev.xtreamdoctor.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The certificates a simulated https panel can present. All are self-signed, so no client trusts
 * them unless it trusts {@link #certificate()} explicitly.
 */
public enum TlsIdentity {
  /** Valid now, for panel.example.test, localhost and 127.0.0.1. */
  SELF_SIGNED("panel-self-signed.p12"),
  /** For the right names, but expired in January 2020. */
  EXPIRED("panel-expired.p12"),
  /** Valid now, but only for other-site.example.test. */
  WRONG_NAME("panel-wrong-name.p12");

  // A test-only keystore shipped in the jar: its password protects nothing.
  private static final char[] STORE_PASSWORD = "simulator".toCharArray();
  private static final String ALIAS = "panel";

  private final String resource;
  private volatile SSLContext cachedContext;

  TlsIdentity(String resource) {
    this.resource = resource;
  }

  /** The certificate presented, e.g. for a client test that trusts it explicitly. */
  public X509Certificate certificate() {
    try {
      return (X509Certificate) keyStore().getCertificate(ALIAS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unreadable simulator keystore " + resource, e);
    }
  }

  /** A server-side TLS context presenting this identity (built once, then shared). */
  public SSLContext serverContext() {
    SSLContext context = cachedContext;
    if (context == null) {
      context = newServerContext();
      cachedContext = context;
    }
    return context;
  }

  private SSLContext newServerContext() {
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore(), STORE_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unusable simulator keystore " + resource, e);
    }
  }

  private KeyStore keyStore() throws GeneralSecurityException {
    try (InputStream in = TlsIdentity.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing simulator keystore " + resource);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, STORE_PASSWORD);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
