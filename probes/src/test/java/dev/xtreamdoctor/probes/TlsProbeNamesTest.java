package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.simulator.TlsIdentity;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/** Whether a certificate is for the host typed, decided as the apps decide it. */
class TlsProbeNamesTest {
  @Test
  void theSimulatorsCertificatesAreForTheNamesTheySay() {
    X509Certificate right = TlsIdentity.SELF_SIGNED.certificate();
    X509Certificate wrong = TlsIdentity.WRONG_NAME.certificate();
    assertTrue(
        TlsProbe.names(right).contains("panel.example.test"), TlsProbe.names(right).toString());
    assertTrue(TlsProbe.covers(right, "panel.example.test", "name"));
    assertTrue(TlsProbe.covers(right, "PANEL.example.test", "name"));
    assertTrue(TlsProbe.covers(right, "127.0.0.1", "ipv4"));
    assertFalse(TlsProbe.covers(right, "other.example.test", "name"));
    assertEquals(java.util.List.of("other-site.example.test"), TlsProbe.names(wrong));
    assertFalse(TlsProbe.covers(wrong, "panel.example.test", "name"));
    assertFalse(TlsProbe.covers(wrong, "127.0.0.1", "ipv4"));
  }

  @Test
  void noNamesWithoutACertificate() {
    assertTrue(TlsProbe.names(null).isEmpty());
  }
}
