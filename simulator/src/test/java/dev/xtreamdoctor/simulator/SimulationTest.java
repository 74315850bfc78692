package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Scenarios end to end: resolve the typed host with a simulated resolver, then log in. */
class SimulationTest {

  @Test
  void everyCatalogueScenarioStartsDescribesItselfAndCloses() {
    assertTrue(Scenarios.names().size() >= 28);
    for (String name : Scenarios.names()) {
      try (Simulation sim = Simulation.start(name)) {
        List<String> lines = sim.describe();
        String text = String.join("\n", lines);
        assertTrue(text.contains("Server URL: " + sim.serverUrl()), name);
        assertTrue(
            sim.serverUrl().matches("https?://panel\\.example\\.test:\\d+"), sim.serverUrl());
        assertTrue(
            text.contains("DOCTOR_DNS_SYSTEM_RESOLVERS=127.0.0.1:" + sim.systemDns().port()), name);
        assertTrue(
            text.contains("DOCTOR_DNS_PUBLIC_RESOLVERS=127.0.0.1:" + sim.publicDns().port()), name);
        assertEquals(2, sim.environment().size());
        assertFalse(sim.spec().description().isEmpty(), name);
      }
    }
  }

  @Test
  void unknownScenarioNameFailsWithTheKnownNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Simulation.start("healthy"));
    assertTrue(
        e.getMessage().startsWith("unknown scenario 'healthy' (known: healthy-xc2, healthy-xui"));
  }

  @Test
  void healthyXc2LogsInThroughTheSystemResolver() throws Exception {
    try (Simulation sim = Simulation.start("healthy-xc2")) {
      RawHttp.Answer a = login(sim, sim.systemDns());
      assertEquals(200, a.status());
      assertTrue(a.bodyText().contains("\"auth\":1,\"status\":\"Active\""), a.bodyText());
      assertEquals(1, sim.panel().count());
      assertEquals("A", sim.systemDns().queries().get(0).type());
    }
  }

  @Test
  void badCredentialsXuiGetsThePaddedPage() throws Exception {
    try (Simulation sim = Simulation.start("bad-credentials-xui")) {
      assertEquals(Pages.xuiFake404(), login(sim, sim.systemDns()).bodyText());
      assertFalse(sim.password().equals(sim.spec().account().password()));
    }
  }

  @Test
  void caseAndSpacesInTypedCredentialsAreRefused() throws Exception {
    for (String name : new String[] {"username-wrong-case", "password-extra-space"}) {
      try (Simulation sim = Simulation.start(name)) {
        assertEquals("{\"user_info\":{\"auth\":0}}", login(sim, sim.systemDns()).bodyText(), name);
        if (name.equals("password-extra-space")) {
          assertTrue(
              sim.describe()
                  .contains(
                      "Password:   \"sim-Pass-4821 \" (type it with the spaces inside the"
                          + " quotes)"));
        }
      }
    }
  }

  @Test
  void blankCredentialsGetTheEmpty200() throws Exception {
    try (Simulation sim = Simulation.start("blank-credentials")) {
      RawHttp.Answer a = login(sim, sim.systemDns());
      assertEquals(200, a.status());
      assertEquals(0, a.body().length);
      assertTrue(sim.describe().contains("Username:   (leave empty)"));
    }
  }

  @Test
  void ispHijackSendsTheSystemResolverToTheBlockPage() throws Exception {
    try (Simulation sim = Simulation.start("isp-dns-hijack")) {
      assertEquals(List.of("127.0.0.66"), resolve(sim.systemDns(), sim.host()));
      assertEquals(List.of("127.0.0.1"), resolve(sim.publicDns(), sim.host()));
      assertTrue(login(sim, sim.systemDns()).bodyText().contains("by order of the court"));
      assertTrue(login(sim, sim.publicDns()).bodyText().startsWith("{\"user_info\""));
      assertEquals(1, sim.blockPage().orElseThrow().count());
      assertEquals(1, sim.panel().count());
      assertEquals(2, sim.requests().size());
    }
  }

  @Test
  void systemResolverFaults() throws Exception {
    try (Simulation sim = Simulation.start("system-dns-servfail")) {
      assertEquals(Rcode.SERVFAIL, ask(sim.systemDns(), sim.host()).getRcode());
      assertEquals(List.of("127.0.0.1"), resolve(sim.publicDns(), sim.host()));
    }
    try (Simulation sim = Simulation.start("system-dns-silent")) {
      assertThrows(IOException.class, () -> ask(sim.systemDns(), sim.host()));
      assertEquals(1, sim.systemDns().count());
    }
    try (Simulation sim = Simulation.start("name-nowhere")) {
      assertEquals(Rcode.NXDOMAIN, ask(sim.systemDns(), sim.host()).getRcode());
      assertEquals(Rcode.NXDOMAIN, ask(sim.publicDns(), sim.host()).getRcode());
      assertEquals(2, sim.dnsQueries().size());
    }
  }

  @Test
  void xuiWrongDomainRefusesGoodCredentials() throws Exception {
    try (Simulation sim = Simulation.start("xui-wrong-domain")) {
      assertEquals(Pages.xuiFake404(), login(sim, sim.systemDns()).bodyText());
    }
  }

  @Test
  void wrongPortLeadsToPlainNginx() throws Exception {
    try (Simulation sim = Simulation.start("wrong-port")) {
      RawHttp.Answer a = login(sim, sim.systemDns());
      assertEquals(404, a.status());
      assertEquals(Pages.nginx404(), a.bodyText());
      assertEquals(0, sim.panel().count());
      assertEquals(1, sim.wrongPortServer().orElseThrow().count());
    }
  }

  @Test
  void closedPortRefuses() {
    try (Simulation sim = Simulation.start("port-closed")) {
      assertThrows(ConnectException.class, () -> login(sim, sim.systemDns()));
    }
  }

  @Test
  void httpOnTheTlsPortGetsThe400Page() throws Exception {
    try (Simulation sim = Simulation.start("wrong-protocol-http-on-tls")) {
      assertTrue(sim.serverUrl().startsWith("http://"));
      assertTrue(sim.panel().isTls());
      assertEquals(400, login(sim, sim.systemDns()).status());
    }
  }

  @Test
  void floodBanForbidsThenGoesSilent() throws Exception {
    try (Simulation sim = Simulation.start("flood-ban")) {
      RawHttp.Answer first = login(sim, sim.systemDns());
      assertEquals(403, first.status());
      assertEquals(0, first.body().length);
      assertThrows(SocketTimeoutException.class, () -> login(sim, sim.systemDns()));
      assertTrue(sim.panel().isDropping());
      assertThrows(SocketTimeoutException.class, () -> login(sim, sim.systemDns()));
      assertEquals(2, sim.panel().count(), "the third attempt never reached HTTP");
    }
  }

  @Test
  void filteredPortTimesOutAtConnect() {
    try (Simulation sim = Simulation.start("port-filtered")) {
      long start = System.nanoTime();
      assertThrows(SocketTimeoutException.class, () -> login(sim, sim.systemDns()));
      assertTrue(System.nanoTime() - start < 5_000_000_000L);
      assertEquals(0, sim.panel().count());
    }
  }

  @Test
  void aScenarioCanMoveToTheOtherFamily() throws Exception {
    ScenarioSpec xui =
        Scenarios.get("expired-xc2").toBuilder()
            .renamed("expired-xui-too")
            .family(PanelFamily.XUI)
            .build();
    assertEquals(PanelSettings.defaults(PanelFamily.XUI), xui.settings());
    try (Simulation sim = Simulation.start(xui)) {
      assertEquals(Pages.xuiFake404(), login(sim, sim.systemDns()).bodyText());
    }
  }

  @Test
  void fixedPortsAreHonoured() throws Exception {
    int free;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      free = s.getLocalPort();
    }
    ScenarioSpec spec = Scenarios.get("healthy-xui").toBuilder().panelPort(free).build();
    try (Simulation sim = Simulation.start(spec)) {
      assertEquals("http://panel.example.test:" + free, sim.serverUrl());
      assertEquals("http://127.0.0.1:" + free, sim.directUrl());
    }
  }

  /** Resolves the scenario's host with one resolver, then sends the login the user would. */
  static RawHttp.Answer login(Simulation sim, DnsServer resolver) throws IOException {
    String address = resolve(resolver, sim.host()).get(0);
    String target =
        "/player_api.php?username="
            + URLEncoder.encode(sim.username(), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(sim.password(), StandardCharsets.UTF_8);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, sim.urlPort()), 1000);
      s.setSoTimeout(500);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.1\r\nHost: "
                  + sim.host()
                  + ":"
                  + sim.urlPort()
                  + "\r\nUser-Agent: okhttp/3.12.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return RawHttp.parse(RawHttp.readAll(s.getInputStream()));
    }
  }

  static List<String> resolve(DnsServer resolver, String host) throws IOException {
    return ask(resolver, host).getSection(Section.ANSWER).stream()
        .map(Record::rdataToString)
        .toList();
  }

  static Message ask(DnsServer resolver, String host) throws IOException {
    SimpleResolver r = new SimpleResolver(resolver.socketAddress());
    r.setTimeout(Duration.ofMillis(300));
    return r.send(
        Message.newQuery(Record.newRecord(Name.fromString(host + "."), Type.A, DClass.IN)));
  }
}
