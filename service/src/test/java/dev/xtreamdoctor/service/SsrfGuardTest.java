package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Account;
import dev.xtreamdoctor.simulator.DnsBehaviour;
import dev.xtreamdoctor.simulator.DnsServer;
import dev.xtreamdoctor.simulator.Overlays;
import dev.xtreamdoctor.simulator.Panel;
import dev.xtreamdoctor.simulator.PanelServer;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every SSRF vector of reference reliability-and-rules.md A10, sent to the running service: each is
 * refused, and counting listeners on 127.0.0.1 and 127.0.0.2 (same port, the one port the guard
 * allows) and the resolver's query log prove that nothing was contacted.
 */
class SsrfGuardTest {
  static Fixtures.Counter one;
  static Fixtures.Counter two;
  static DnsServer dns;
  static DoctorService strict; // the default block list, no exceptions
  static DoctorService oneAllowed; // 127.0.0.1/32 allowed, as a LAN panel would be

  @BeforeAll
  static void start() throws Exception {
    one = new Fixtures.Counter("127.0.0.1", 0);
    two = new Fixtures.Counter("127.0.0.2", one.port());
    dns = DnsServer.builder().name("system").start();
    dns.on("private.example.test", DnsBehaviour.answer("127.0.0.2"));
    dns.on("metadata.example.test", DnsBehaviour.answer("169.254.169.254"));
    dns.on("mixed.example.test", DnsBehaviour.answer("127.0.0.1", "127.0.0.2"));
    dns.on("v6.example.test", DnsBehaviour.answer("::1"));
    dns.on("failing.example.test", DnsBehaviour.servfail());
    List<String> resolvers = List.of(dns.hostPort());
    strict =
        Fixtures.start(
            Fixtures.settings(),
            Fixtures.probes(resolvers),
            TargetGuard.of(List.of(), Set.of(one.port())));
    oneAllowed =
        Fixtures.start(
            Fixtures.settings(),
            Fixtures.probes(resolvers),
            TargetGuard.of(List.of("127.0.0.1/32"), Set.of(one.port())));
  }

  @AfterAll
  static void stop() throws Exception {
    strict.close();
    oneAllowed.close();
    dns.close();
    one.close();
    two.close();
  }

  static HttpResponse<String> diagnose(DoctorService s, String server) throws Exception {
    return Fixtures.post(
        s,
        "/v1/diagnoses",
        Fixtures.diagnosisJson(server, "user", "pass-9876", null),
        Fixtures.TOKEN);
  }

  static void assertRefused(DoctorService s, String server) throws Exception {
    HttpResponse<String> r = diagnose(s, server);
    assertTrue(
        r.statusCode() == 422 || r.statusCode() == 400,
        server + " -> " + r.statusCode() + " " + r.body());
    assertEquals(
        "application/problem+json", r.headers().firstValue("Content-Type").orElse(""), server);
    assertTrue(!r.body().contains("pass-9876"), server);
    assertEquals(0, one.count() + two.count(), server + " made a connection");
  }

  static final List<String> LITERALS =
      List.of(
          "127.0.0.1",
          "127.1",
          "127.0.1.3",
          "0.0.0.0",
          "0",
          "localhost",
          "localhost.",
          "[::1]",
          "[::]",
          "[0:0:0:0:0:0:0:1]",
          "[::ffff:127.0.0.1]",
          "[::ffff:7f00:1]",
          "[::127.0.0.1]",
          "2130706433",
          "0x7f000001",
          "0x7f.0.0.1",
          "0177.0.0.1",
          "017700000001",
          "127.000.000.001",
          "10.0.0.1",
          "172.16.0.1",
          "172.31.255.255",
          "192.168.1.1",
          "100.64.0.1",
          "169.254.169.254",
          "[fd00::1]",
          "[fe80::1%25eth0]",
          "[64:ff9b::7f00:1]",
          "[2002:7f00:1::]",
          "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
          "224.0.0.1",
          "255.255.255.255",
          "198.18.0.1",
          "metadata.google.internal");

  @Test
  void everyLiteralHostIsRefusedWithoutAConnection() throws Exception {
    int queriesBefore = dns.count();
    for (String host : LITERALS) {
      assertRefused(strict, "http://" + host + ":" + one.port() + "/");
    }
    assertEquals(queriesBefore, dns.count(), "a literal vector was looked up");
  }

  @Test
  void namesResolvingInsideAreRefusedAfterOneLookup() throws Exception {
    for (String name :
        List.of("private.example.test", "metadata.example.test", "v6.example.test")) {
      assertRefused(strict, "http://" + name + ":" + one.port());
    }
    // one public-ish (allowed) and one private answer: refused as a whole
    assertRefused(oneAllowed, "http://mixed.example.test:" + one.port());
    assertRefused(oneAllowed, "http://private.example.test:" + one.port());
  }

  @Test
  void aFailedLookupIsFinal() throws Exception {
    int before = countA("failing.example.test");
    HttpResponse<String> r = diagnose(oneAllowed, "http://failing.example.test:" + one.port());
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(1, countA("failing.example.test") - before, "exactly one A lookup, no retry");
    assertEquals(0, one.count() + two.count());
  }

  @Test
  void schemesPortsAndLineBreaksAreRefusedAtInput() throws Exception {
    List<String> inputs =
        new ArrayList<>(
            List.of(
                "file:///etc/passwd",
                "gopher://example.test/",
                "ftp://example.test/",
                "dict://example.test:11211/",
                "ldap://example.test/",
                "jar:file:/x.jar!/",
                "netdoc:/etc/passwd",
                "data:text/plain,hi",
                "http://example.test/%0d%0aHost:evil",
                "http://example.test/\r\nHost: evil",
                "http://allowed\\@127.0.0.1/"));
    for (int port : new int[] {22, 6379, 2375, 9200, 0, 70000}) {
      inputs.add("http://private.example.test:" + port + "/");
      inputs.add("http://127.0.0.1:" + port + "/");
    }
    for (String in : inputs) {
      assertRefused(oneAllowed, in);
    }
  }

  @Test
  void parserConfusionLandsOnTheRealHost() throws Exception {
    assertRefused(strict, "http://allowed-host@127.0.0.1:" + one.port() + "/");
    assertRefused(strict, "http://127.0.0.1:" + one.port() + "#@allowed.example.test/");
  }

  @Test
  void anAllowedAddressDoesNotWidenToOthers() throws Exception {
    for (String host :
        List.of("127.0.0.2", "[::1]", "[::ffff:127.0.0.2]", "[::127.0.0.1]", "10.0.0.1", "127.1")) {
      assertRefused(oneAllowed, "http://" + host + ":" + one.port() + "/");
    }
  }

  @Test
  void theServiceItselfIsRefused() throws Exception {
    TargetGuard guard = TargetGuard.of(List.of("127.0.0.1/32"), Set.of(80));
    try (DoctorService self =
        Fixtures.start(Fixtures.settings(), Fixtures.probes(List.of()), guard)) {
      TargetGuard withSelf =
          TargetGuard.of(List.of("127.0.0.1/32"), Set.of(self.port()))
              .excludingSelf(new java.net.InetSocketAddress("127.0.0.1", self.port()));
      assertTrue(
          withSelf.destinationRefusal(InetAddress.getByName("127.0.0.1"), self.port()).isPresent());
      HttpResponse<String> r = diagnose(self, "http://127.0.0.1:" + self.port() + "/");
      assertEquals(422, r.statusCode(), r.body()); // its port is not in the list, and it is itself
    }
  }

  @Test
  void rebindingCannotHappen() throws Exception {
    try (PanelServer panel =
            PanelServer.builder(Panel.xc2(Account.active("user", "pass-9876")))
                .bindAddress("127.0.0.1")
                .start();
        Fixtures.Counter rebound = new Fixtures.Counter("127.0.0.2", panel.port());
        DoctorService s =
            Fixtures.start(
                Fixtures.settings(),
                Fixtures.probes(List.of(dns.hostPort())),
                TargetGuard.of(List.of("127.0.0.1/32"), Set.of(panel.port())))) {
      dns.on("rebind.example.test", DnsBehaviour.answer("127.0.0.1"));
      Thread flip =
          new Thread(
              () -> {
                // after the first question, the name "rebinds" to a refused address
                while (countA("rebind.example.test") == 0) {
                  Thread.onSpinWait();
                }
                dns.on("rebind.example.test", DnsBehaviour.answer("127.0.0.2"));
              });
      flip.setDaemon(true);
      flip.start();
      HttpResponse<String> r = diagnose(s, "http://rebind.example.test:" + panel.port());
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(1, countA("rebind.example.test"), "exactly one lookup");
      assertTrue(panel.count() >= 1, "the checked address was used");
      assertEquals(0, rebound.count(), "the rebound address was never contacted");
      assertTrue(panel.takeRequest(Duration.ofSeconds(1)) != null);
    }
  }

  /** Redirects are followed as the app follows them, but every hop goes through the guard first. */
  @Test
  void aRedirectIntoARefusedAddressIsNotFollowed() throws Exception {
    try (Fixtures.Counter inside = new Fixtures.Counter("127.0.0.2", 0)) {
      for (String target :
          List.of(
              "http://127.0.0.2:%d/", "http://allowed-host@127.0.0.2:%d/", "http://[::1]:%d/")) {
        try (PanelServer redirecting =
                PanelServer.builder(Panel.xc2(Account.active("user", "pass-9876")))
                    .overlay(Overlays.redirectTo(302, String.format(target, inside.port())))
                    .bindAddress("127.0.0.1")
                    .start();
            DoctorService s =
                Fixtures.start(
                    Fixtures.settings(),
                    Fixtures.probes(List.of()),
                    TargetGuard.of(
                        List.of("127.0.0.1/32"), Set.of(redirecting.port(), inside.port())))) {
          HttpResponse<String> r = diagnose(s, "http://127.0.0.1:" + redirecting.port());
          assertEquals(200, r.statusCode(), r.body());
          assertTrue(redirecting.count() >= 1, "the allowed panel was asked");
          assertEquals(0, inside.count(), target + " was followed");
          assertTrue(r.body().contains("\"REDIRECT_REFUSED\""), r.body());
          assertTrue(!r.body().contains("pass-9876"), r.body());
        }
      }
    }
  }

  @Test
  void guardBoundaries() throws Exception {
    TargetGuard g = TargetGuard.defaults();
    for (String ok :
        List.of("100.63.255.254", "64:ff9c::1", "2606:4700:4700::1111", "8.8.8.8", "100.128.0.1")) {
      assertTrue(g.addressRefusal(InetAddress.getByName(ok)).isEmpty(), ok);
    }
    for (String no :
        List.of(
            "100.64.0.1", "100.127.255.255", "192.0.2.1", "203.0.113.9", "fec0::1", "ff02::1")) {
      assertTrue(g.addressRefusal(InetAddress.getByName(no)).isPresent(), no);
    }
  }

  static int countA(String name) {
    return (int)
        dns.queries().stream().filter(q -> q.name().equals(name) && q.type().equals("A")).count();
  }
}
