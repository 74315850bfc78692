package dev.xtreamdoctor.probes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Self-signed certificates made with the JDK's keytool, once per test JVM. */
final class TestCertificates {
  static final char[] PASS = "changeit".toCharArray();
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("doctor-certs");
      DIR.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestCertificates() {}

  /** A key store with one self-signed certificate for {@code name}; expired if asked. */
  static synchronized KeyStore keyStore(String name, boolean expired) throws Exception {
    Path file = DIR.resolve(name + (expired ? "-expired" : "") + ".p12");
    if (!Files.exists(file)) {
      List<String> cmd = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", "panel", "-keyalg", "EC", "-groupname", "secp256r1",
          "-dname", "CN=" + name, "-ext", "SAN=dns:" + name,
          "-storetype", "PKCS12", "-keystore", file.toString(),
          "-storepass", "changeit", "-keypass", "changeit"));
      if (expired) {
        cmd.addAll(List.of("-startdate", "-10d", "-validity", "2"));
      } else {
        cmd.addAll(List.of("-validity", "2"));
      }
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("keytool failed");
      }
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, PASS);
    }
    return ks;
  }

  static SSLContext serverContext(KeyStore ks) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASS);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  /** A trust store holding just this key store's certificate. */
  static TlsTrust trusting(KeyStore ks) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("panel", ks.getCertificate("panel"));
    return TlsTrust.trusting(trust);
  }
}
