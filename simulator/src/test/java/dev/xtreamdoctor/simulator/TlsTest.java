package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** https panels: the self-signed identities, and nginx's answers to the wrong protocol. */
class TlsTest {
  private static final String LOGIN = "/player_api.php?username=u&password=p";

  @Test
  void selfSignedPanelWorksForAClientThatTrustsIt() throws Exception {
    try (PanelServer server = tlsPanel(TlsIdentity.SELF_SIGNED)) {
      assertTrue(server.baseUrl().startsWith("https://127.0.0.1:"));
      HttpResponse<String> r =
          trusting(TlsIdentity.SELF_SIGNED)
              .send(
                  HttpRequest.newBuilder(URI.create(server.baseUrl() + LOGIN)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().startsWith("{\"user_info\":{\"username\":\"u\""));
    }
  }

  @Test
  void selfSignedPanelFailsTheDefaultTrust() throws Exception {
    try (PanelServer server = tlsPanel(TlsIdentity.SELF_SIGNED)) {
      HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + LOGIN)).build();
      assertThrows(
          SSLHandshakeException.class,
          () -> HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString()));
    }
  }

  @Test
  void wrongNameFailsHostnameCheckEvenWhenTrusted() throws Exception {
    try (PanelServer server = tlsPanel(TlsIdentity.WRONG_NAME)) {
      HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUrl() + LOGIN)).build();
      assertThrows(
          SSLHandshakeException.class,
          () -> trusting(TlsIdentity.WRONG_NAME).send(r, HttpResponse.BodyHandlers.ofString()));
    }
  }

  @Test
  void expiredIdentityIsExpired() {
    assertTrue(TlsIdentity.EXPIRED.certificate().getNotAfter().before(new Date()));
    assertTrue(TlsIdentity.SELF_SIGNED.certificate().getNotAfter().after(new Date()));
  }

  @Test
  void plainHttpOnTheTlsPortGetsNginxs400() throws Exception {
    try (PanelServer server = tlsPanel(TlsIdentity.SELF_SIGNED)) {
      RawHttp.Answer a = RawHttp.get(server, LOGIN);
      assertEquals(400, a.status());
      assertEquals(Pages.nginxPlainHttpToHttpsPort(), a.bodyText());
      assertTrue(a.bodyText().contains("The plain HTTP request was sent to HTTPS port"));
    }
  }

  @Test
  void httpsOnAPlainPortFailsTheHandshake() throws Exception {
    try (PanelServer server = PanelServer.builder(Panel.xc2(Account.active("u", "p"))).start()) {
      URI https = URI.create("https://127.0.0.1:" + server.port() + LOGIN);
      assertThrows(
          IOException.class,
          () ->
              trusting(TlsIdentity.SELF_SIGNED)
                  .send(
                      HttpRequest.newBuilder(https).build(), HttpResponse.BodyHandlers.ofString()));
      assertEquals(0, server.count(), "a ClientHello is not a request");
    }
  }

  private static PanelServer tlsPanel(TlsIdentity identity) {
    return PanelServer.builder(Panel.xc2(Account.active("u", "p"))).tls(identity).start();
  }

  static HttpClient trusting(TlsIdentity identity) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("panel", identity.certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }
}
