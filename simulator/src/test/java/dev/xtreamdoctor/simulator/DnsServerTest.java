package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Every DNS behaviour, asked with dnsjava's SimpleResolver over real UDP and TCP. */
class DnsServerTest {
  private static DnsServer dns;

  @BeforeAll
  static void start() {
    dns =
        DnsServer.builder()
            .name("system")
            .on("panel.example.test", DnsBehaviour.answer("127.0.0.1", "::1"))
            .on("gone.example.test", DnsBehaviour.nxdomain())
            .on("broken.example.test", DnsBehaviour.servfail())
            .on("refusing.example.test", DnsBehaviour.refused())
            .on("silent.example.test", DnsBehaviour.silence())
            .on("v6only.example.test", DnsBehaviour.nodata())
            .on("blocked.example.test", DnsBehaviour.hijack("127.0.0.66"))
            .on("nulled.example.test", DnsBehaviour.hijack("0.0.0.0"))
            .on("big.example.test", DnsBehaviour.truncated("127.0.0.7"))
            .on("alias.example.test", DnsBehaviour.alias("cdn.example.test"))
            .on("cdn.example.test", DnsBehaviour.alias("edge.example.test"))
            .on("edge.example.test", DnsBehaviour.answer("127.0.0.9"))
            .on("dangling.example.test", DnsBehaviour.alias("gone.example.test"))
            .on("loop-a.example.test", DnsBehaviour.alias("loop-b.example.test"))
            .on("loop-b.example.test", DnsBehaviour.alias("loop-a.example.test"))
            .start();
  }

  @AfterAll
  static void stop() {
    dns.close();
  }

  @Test
  void answersAAndAaaaFromTheSameList() throws Exception {
    Message a = ask("panel.example.test", Type.A);
    assertEquals(Rcode.NOERROR, a.getRcode());
    assertEquals(List.of("127.0.0.1"), addresses(a));
    assertEquals(List.of("0:0:0:0:0:0:0:1"), addresses(ask("PANEL.example.test", Type.AAAA)));
  }

  @Test
  void failuresCarryTheirRcode() throws Exception {
    assertEquals(Rcode.NXDOMAIN, ask("gone.example.test", Type.A).getRcode());
    assertEquals(Rcode.SERVFAIL, ask("broken.example.test", Type.A).getRcode());
    assertEquals(Rcode.REFUSED, ask("refusing.example.test", Type.A).getRcode());
    assertEquals(Rcode.NXDOMAIN, ask("unlisted.example.test", Type.A).getRcode());
  }

  @Test
  void aliasesAreFollowedAsARecursiveResolverDoes() throws Exception {
    Message m = ask("alias.example.test", Type.A);
    assertEquals(Rcode.NOERROR, m.getRcode());
    List<Record> answer = m.getSection(Section.ANSWER);
    assertEquals(
        List.of(Type.CNAME, Type.CNAME, Type.A), answer.stream().map(Record::getType).toList());
    assertEquals(List.of("cdn.example.test.", "edge.example.test.", "127.0.0.9"), addresses(m));
    // a dangling alias answers NXDOMAIN with its CNAME; a loop stops after 16 links
    Message dangling = ask("dangling.example.test", Type.A);
    assertEquals(Rcode.NXDOMAIN, dangling.getRcode());
    assertEquals(Type.CNAME, dangling.getSection(Section.ANSWER).get(0).getType());
    assertTrue(ask("loop-a.example.test", Type.A).getSection(Section.ANSWER).size() <= 16);
    assertEquals("cname cdn.example.test", DnsBehaviour.parse("cname cdn.example.test").describe());
  }

  @Test
  void nodataIsNoerrorWithoutRecords() throws Exception {
    Message m = ask("v6only.example.test", Type.A);
    assertEquals(Rcode.NOERROR, m.getRcode());
    assertTrue(m.getSection(Section.ANSWER).isEmpty());
  }

  @Test
  void anAddressListWithoutTheAskedFamilyIsNodata() throws Exception {
    Message m = ask("blocked.example.test", Type.AAAA);
    assertEquals(Rcode.NOERROR, m.getRcode());
    assertTrue(m.getSection(Section.ANSWER).isEmpty());
  }

  @Test
  void hijackAnswersTheForgedAddress() throws Exception {
    assertEquals(List.of("127.0.0.66"), addresses(ask("blocked.example.test", Type.A)));
    assertEquals(List.of("0.0.0.0"), addresses(ask("nulled.example.test", Type.A)));
  }

  @Test
  void silenceTimesOut() {
    long start = System.nanoTime();
    assertThrows(IOException.class, () -> ask("silent.example.test", Type.A));
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(250).toNanos());
  }

  @Test
  void truncatedOverUdpThenFullOverTcp() throws Exception {
    SimpleResolver udpOnly = resolver();
    udpOnly.setIgnoreTruncation(true);
    Message truncated = udpOnly.send(query("big.example.test", Type.A));
    assertTrue(truncated.getHeader().getFlag(Flags.TC));
    assertTrue(truncated.getSection(Section.ANSWER).isEmpty());
    Message full = resolver().send(query("big.example.test", Type.A)); // retries over TCP
    assertFalse(full.getHeader().getFlag(Flags.TC));
    assertEquals(List.of("127.0.0.7"), addresses(full));
    assertTrue(
        dns.queries().stream()
            .anyMatch(q -> q.name().equals("big.example.test") && q.transport().equals("tcp")));
  }

  @Test
  void tcpAnswersLikeUdp() throws Exception {
    SimpleResolver tcp = resolver();
    tcp.setTCP(true);
    assertEquals(List.of("127.0.0.1"), addresses(tcp.send(query("panel.example.test", Type.A))));
    assertEquals(Rcode.SERVFAIL, tcp.send(query("broken.example.test", Type.A)).getRcode());
  }

  @Test
  void logsNameTypeAndTransport() throws Exception {
    try (DnsServer fresh = DnsServer.builder().name("public").start()) {
      SimpleResolver r = new SimpleResolver(fresh.socketAddress());
      r.setTimeout(Duration.ofMillis(500));
      r.send(query("Some.Name.test", Type.AAAA));
      DnsQuery q = fresh.takeQuery(Duration.ofSeconds(1));
      assertEquals("some.name.test", q.name());
      assertEquals("AAAA", q.type());
      assertEquals("udp", q.transport());
      assertEquals("public", q.resolver());
      assertEquals("nxdomain", q.behaviour());
      assertEquals(1, fresh.count());
      assertTrue(fresh.hostPort().startsWith("127.0.0.1:"));
    }
  }

  @Test
  void behaviourCanChangeWhileRunning() throws Exception {
    try (DnsServer fresh = DnsServer.builder().start()) {
      SimpleResolver r = new SimpleResolver(fresh.socketAddress());
      r.setTimeout(Duration.ofMillis(500));
      assertEquals(Rcode.NXDOMAIN, r.send(query("x.test", Type.A)).getRcode());
      fresh.on("x.test", DnsBehaviour.answer("127.0.0.9"));
      assertEquals(List.of("127.0.0.9"), addresses(r.send(query("x.test", Type.A))));
    }
  }

  @Test
  void refusesNonLoopbackAddresses() {
    assertThrows(
        IllegalArgumentException.class, () -> DnsServer.builder().bindAddress("0.0.0.0").build());
    assertThrows(
        IllegalArgumentException.class, () -> DnsServer.builder().bindAddress("10.0.0.1").build());
  }

  @Test
  void parsesBehaviourSpecs() {
    assertEquals("hijack 127.0.0.66", DnsBehaviour.parse("hijack 127.0.0.66").describe());
    assertEquals("servfail", DnsBehaviour.parse("SERVFAIL").describe());
    assertEquals(
        "answer 127.0.0.1,0:0:0:0:0:0:0:1", DnsBehaviour.parse("answer 127.0.0.1, ::1").describe());
    assertThrows(
        IllegalArgumentException.class, () -> DnsBehaviour.parse("answer panel.example.com"));
    assertThrows(IllegalArgumentException.class, () -> DnsBehaviour.parse("maybe"));
  }

  private static SimpleResolver resolver() {
    SimpleResolver r = new SimpleResolver(dns.socketAddress());
    r.setTimeout(Duration.ofMillis(300));
    return r;
  }

  private static Message ask(String name, int type) throws IOException {
    return resolver().send(query(name, type));
  }

  private static Message query(String name, int type) throws IOException {
    return Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN));
  }

  private static List<String> addresses(Message m) {
    return m.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
  }
}
