package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.simulator.Account;
import dev.xtreamdoctor.simulator.DnsBehaviour;
import dev.xtreamdoctor.simulator.DnsServer;
import dev.xtreamdoctor.simulator.FloodProtection;
import dev.xtreamdoctor.simulator.Handler;
import dev.xtreamdoctor.simulator.LineStatus;
import dev.xtreamdoctor.simulator.Overlay;
import dev.xtreamdoctor.simulator.Overlays;
import dev.xtreamdoctor.simulator.Panel;
import dev.xtreamdoctor.simulator.PanelFamily;
import dev.xtreamdoctor.simulator.PanelServer;
import dev.xtreamdoctor.simulator.RecordedRequest;
import dev.xtreamdoctor.simulator.Reply;
import dev.xtreamdoctor.simulator.Response;
import dev.xtreamdoctor.simulator.Sites;
import dev.xtreamdoctor.simulator.TlsIdentity;
import dev.xtreamdoctor.simulator.UserAgentFilter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every probe-observable scenario on the simulator, as a function of the password, so the same runs
 * serve both the per-cause assertions and the canary-password sweep. Each starts its real loopback
 * panel and resolvers, runs one diagnosis, and stops them.
 */
final class ProbeCases {
  static final String HOST = "panel.example.test";
  static final String USER = "john";

  interface Scenario {
    Outcome run(String password) throws Exception;
  }

  /** What the panel saw on the wire (test-only: {@code target} holds the password). */
  record Seen(String target, String host, String userAgent) {}

  /** The facts, what the panel logged, what it saw on the wire, and the wall time. */
  record Outcome(
      List<Fact> facts, List<RecordedRequest> logged, List<Seen> seen, long wallMillis) {}

  interface Tweak {
    ProbeSettings apply(ProbeSettings s);
  }

  /** Short timeouts for loopback; DNS gets more, since the first query in a JVM loads dnsjava. */
  static ProbeSettings settings(String system, String publicOne) {
    return ProbeSettings.builder()
        .resolvers(List.of(system), List.of(publicOne))
        .dnsMs(800)
        .connectMs(300)
        .readMs(1000)
        .totalMs(4000)
        .limits(1 << 20, 6, 3)
        .build();
  }

  static DnsServer resolver(String name, DnsBehaviour behaviour) {
    return DnsServer.builder().name(name).otherwise(behaviour).start();
  }

  /** The typed server is {@code scheme://HOST:PORT...}; both resolvers answer 127.0.0.1. */
  static Outcome site(String typed, String user, String pass, Handler site, Overlay... overlays)
      throws Exception {
    return site(typed, user, pass, s -> s, null, site, overlays);
  }

  static Outcome site(
      String typed,
      String user,
      String pass,
      Tweak tweak,
      TlsIdentity tls,
      Handler site,
      Overlay... overlays)
      throws Exception {
    return site(typed, user, pass, tweak, tls, DnsBehaviour.answer("127.0.0.1"), site, overlays);
  }

  /** The same, with the public resolver answering as told (the system one answers 127.0.0.1). */
  static Outcome site(
      String typed,
      String user,
      String pass,
      Tweak tweak,
      TlsIdentity tls,
      DnsBehaviour publicAnswer,
      Handler site,
      Overlay... overlays)
      throws Exception {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    Overlay wire =
        (request, next) -> {
          seen.add(
              new Seen(request.target(), request.header("host").orElse(""), request.userAgent()));
          return next.handle(request);
        };
    PanelServer.Builder b =
        PanelServer.builder(site).name("panel").overlay(wire).overlays(List.of(overlays));
    if (pass != null && !pass.isEmpty()) {
      b.secret(pass);
    }
    if (tls != null) {
      b.tls(tls);
    }
    try (PanelServer panel = b.start();
        DnsServer system = resolver("system", DnsBehaviour.answer("127.0.0.1"));
        DnsServer pub = resolver("public", publicAnswer)) {
      TlsTrust trust = tls == null ? TlsTrust.system() : trusting(tls);
      ProbeSettings s = tweak.apply(settings(system.hostPort(), pub.hostPort()));
      DiagnosisRun run =
          diagnose(typed.replace("PORT", String.valueOf(panel.port())), user, pass, s, trust);
      return new Outcome(run.facts(), panel.requests(), List.copyOf(seen), run.wallMillis());
    }
  }

  static DiagnosisRun diagnose(
      String typed, String user, String pass, ProbeSettings s, TlsTrust trust) throws Exception {
    return new Diagnoser(s, trust)
        .runTimed(ProbeRequest.of(typed, user, pass == null ? null : Secret.of(pass)));
  }

  static Outcome network(String typed, String pass, ProbeSettings s) throws Exception {
    DiagnosisRun run = diagnose(typed, USER, pass, s, TlsTrust.system());
    return new Outcome(run.facts(), List.of(), List.of(), run.wallMillis());
  }

  /** A trust store holding just this simulator identity's certificate. */
  static TlsTrust trusting(TlsIdentity identity) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("panel", identity.certificate());
    return TlsTrust.trusting(trust);
  }

  static final String BASE = "http://" + HOST + ":PORT";

  /** A read timeout longer than the total: only the total deadline can end the wait. */
  static final Tweak HANGING =
      s -> s.toBuilder().readMs(10_000).totalMs(1500).loopbackOnly(false).build();

  /**
   * The password of every cached run: a canary with characters that change under URL, JSON and
   * base64 encoding, random per JVM, so the canary test can look for it in every outcome.
   */
  static final String PASSWORD =
      "cnry+P w/&%\""
          + Long.toHexString(
              java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffL);

  private static final Map<String, Outcome> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean warm;

  /**
   * The first diagnosis in a JVM loads Jersey, HttpClient and dnsjava: seconds, on a busy machine.
   * One untimed diagnosis with generous limits first keeps that out of every timed scenario.
   */
  static synchronized void warmUp() throws Exception {
    if (!warm) {
      site(
          BASE,
          USER,
          "warm-up-pass",
          s ->
              s.toBuilder()
                  .dnsMs(10_000)
                  .connectMs(10_000)
                  .readMs(10_000)
                  .totalMs(30_000)
                  .limits(s.maxBodyBytes(), 6, 1)
                  .loopbackOnly(false)
                  .build(),
          null,
          Panel.xc2(Account.active(USER, "warm-up-pass")));
      warm = true;
    }
  }

  /** One run per scenario and JVM with {@link #PASSWORD}: the test classes share it. */
  static synchronized Outcome run(String name) throws Exception {
    warmUp();
    Outcome o = RUNS.get(name);
    if (o == null) {
      o = all().get(name).run(PASSWORD);
      RUNS.put(name, o);
    }
    return o;
  }

  /** Every scenario by name; the canary test runs them all. */
  static Map<String, Scenario> all() {
    Map<String, Scenario> m = new LinkedHashMap<>();
    m.put("healthy-xc2", p -> site(BASE, USER, p, Panel.xc2(Account.active(USER, p))));
    m.put(
        "healthy-xui",
        p -> site(BASE, USER, p, Panel.xui(Account.active(USER, p).withConnections(0, 6))));
    m.put(
        "credentials-rejected",
        p -> site(BASE, USER, p, Panel.xc2(Account.active(USER, "another-password"))));
    m.put(
        "rejected-or-inactive",
        p -> site(BASE, USER, p, Panel.xui(Account.active(USER, "another-password"))));
    m.put("xui-expired", p -> site(BASE, USER, p, Panel.xui(Account.expired(USER, p))));
    m.put("blank-password", p -> site(BASE, USER, "", Panel.xc2(Account.active(USER, p))));
    m.put(
        "xc2-empty-200",
        p -> site(BASE, USER, p, Sites.fixed(Response.of(200, "application/json", ""))));
    m.put("wrong-port", p -> site(BASE, USER, p, Sites.plainNginx()));
    m.put("expired", p -> site(BASE, USER, p, Panel.xc2(Account.expired(USER, p))));
    m.put(
        "banned",
        p -> site(BASE, USER, p, Panel.xc2(Account.active(USER, p).withStatus(LineStatus.BANNED))));
    m.put(
        "disabled",
        p ->
            site(
                BASE, USER, p, Panel.xc2(Account.active(USER, p).withStatus(LineStatus.DISABLED))));
    m.put(
        "connection-limit",
        p -> site(BASE, USER, p, Panel.xc2(Account.active(USER, p).withConnections(2, 2))));
    m.put(
        "ua-filter",
        p ->
            site(
                BASE,
                USER,
                p,
                Panel.xc2(Account.active(USER, p)),
                UserAgentFilter.refusingWith(401).allowing("IPTVSmarters")));
    m.put("flood-403", p -> site(BASE, USER, p, Sites.fixed(Response.empty(403))));
    m.put(
        "overloaded-503",
        p -> site(BASE, USER, p, Panel.xc2(Account.active(USER, p)), Overlays.overloaded(503)));
    m.put(
        "cloudflare-522",
        p ->
            site(BASE, USER, p, Panel.xc2(Account.active(USER, p)), Overlays.cloudflareError(522)));
    m.put(
        "redirect-echoing-password",
        p ->
            site(
                BASE,
                USER,
                p,
                request ->
                    Reply.answer(
                        Response.empty(302)
                            .withHeader(
                                "Location",
                                "http://elsewhere.example.test:1" + request.target()))));
    // the resolvers disagree, so a credential-free look at the address comes first: the panel
    // answers it, then hangs on the login
    m.put(
        "panel-went-silent",
        p ->
            site(
                BASE,
                USER,
                p,
                s -> s,
                null,
                DnsBehaviour.answer("127.0.0.9"),
                Panel.xc2(Account.active(USER, p)),
                Overlays.fromRequest(2, Overlays.hang())));
    // banned by the user's own app before the check: XC2 drops, XUI answers 403 first
    m.put(
        "xc2-flood-ban",
        p ->
            site(
                BASE,
                USER,
                p,
                Panel.xc2(Account.active(USER, p)),
                FloodProtection.of(PanelFamily.XC2).ban("127.0.0.1")));
    m.put(
        "xui-flood-403",
        p ->
            site(
                BASE,
                USER,
                p,
                Panel.xui(Account.active(USER, p)),
                FloodProtection.of(PanelFamily.XUI).ban("127.0.0.1")));
    m.put(
        "no-http-answer",
        p ->
            site(
                BASE, USER, p, HANGING, null, Panel.xc2(Account.active(USER, p)), Overlays.hang()));
    m.put(
        "trickled-body",
        p ->
            site(
                BASE,
                USER,
                p,
                HANGING,
                null,
                Panel.xc2(Account.active(USER, p)),
                Overlays.trickle(Response.Trickle.BODY, Duration.ofMillis(100))));
    m.put(
        "empty-reply",
        p -> site(BASE, USER, p, Panel.xc2(Account.active(USER, p)), Overlays.emptyReply()));
    m.put("reset", p -> site(BASE, USER, p, Panel.xc2(Account.active(USER, p)), Overlays.reset()));
    m.put(
        "http-to-tls-port",
        p ->
            site(
                BASE,
                USER,
                p,
                s -> s,
                TlsIdentity.SELF_SIGNED,
                Panel.xc2(Account.active(USER, p))));
    m.put(
        "https-to-plain-port",
        p -> site("https://" + HOST + ":PORT", USER, p, Panel.xc2(Account.active(USER, p))));
    m.put("port-refused", ProbeCases::portRefused);
    m.put("connect-timeout", ProbeCases::connectTimeout);
    m.put("isp-dns-tampering", ProbeCases::ispDnsTampering);
    m.put("nxdomain", p -> dnsOnly(DnsBehaviour.nxdomain(), DnsBehaviour.nxdomain(), p));
    m.put("servfail", p -> dnsOnly(DnsBehaviour.servfail(), DnsBehaviour.servfail(), p));
    m.put("dns-silent", p -> dnsOnly(DnsBehaviour.silence(), DnsBehaviour.silence(), p));
    m.put("dns-refused-nodata", p -> dnsOnly(DnsBehaviour.refused(), DnsBehaviour.nodata(), p));
    m.put(
        "dns-truncated",
        p -> dnsOnly(DnsBehaviour.truncated("127.0.0.1"), DnsBehaviour.truncated("127.0.0.1"), p));
    m.put("tls-ok", p -> tls(TlsIdentity.SELF_SIGNED, true, p));
    m.put("tls-self-signed", p -> tls(TlsIdentity.SELF_SIGNED, false, p));
    m.put("tls-expired", p -> tls(TlsIdentity.EXPIRED, true, p));
    m.put("tls-wrong-name", p -> tls(TlsIdentity.WRONG_NAME, true, p));
    m.put(
        "pasted-get-php",
        p ->
            site(
                BASE
                    + "/get.php?username="
                    + USER
                    + "&password="
                    + HttpLoginProbe.encode(p)
                    + "&type=m3u_plus&output=ts",
                null,
                null,
                Panel.xc2(Account.active(USER, p))));
    m.put(
        "spaces-around-username",
        p -> site(BASE, " " + USER + " ", p, Panel.xc2(Account.active(USER, p))));
    m.put(
        "body-too-large",
        p ->
            site(
                BASE,
                USER,
                p,
                Sites.fixed(
                    Response.of(
                        200,
                        "application/json",
                        "{\"user_info\":{\"auth\":1,\"pad\":\"" + "x".repeat(3 << 20) + "\"}}"))));
    m.put(
        "ip-literal",
        p -> site("http://127.0.0.1:PORT", USER, p, Panel.xc2(Account.active(USER, p))));
    return m;
  }

  static Outcome portRefused(String p) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    try (DnsServer dns = resolver("system", DnsBehaviour.answer("127.0.0.1"))) {
      return network("http://" + HOST + ":" + port, p, settings(dns.hostPort(), dns.hostPort()));
    }
  }

  /** A listener whose accept queue is full: Linux drops further SYNs, so connects time out. */
  static Outcome connectTimeout(String p) throws Exception {
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        DnsServer dns = resolver("system", DnsBehaviour.answer("127.0.0.1"))) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          Socket s = new Socket();
          s.connect(full.getLocalSocketAddress(), 300);
          fillers.add(s);
        }
        return network(
            "http://" + HOST + ":" + full.getLocalPort(),
            p,
            settings(dns.hostPort(), dns.hostPort()));
      } finally {
        for (Socket s : fillers) {
          s.close();
        }
      }
    }
  }

  /** The ISP's resolver answers a block-page address; the public resolver the real one. */
  static Outcome ispDnsTampering(String p) throws Exception {
    try (PanelServer panel =
            PanelServer.builder(Panel.xc2(Account.active(USER, p)))
                .name("panel")
                .secret(p)
                .start();
        PanelServer block =
            PanelServer.builder(Sites.ispBlockPage())
                .name("block")
                .bindAddress("127.0.0.2")
                .port(panel.port())
                .secret(p)
                .start();
        DnsServer system = resolver("system", DnsBehaviour.hijack("127.0.0.2"));
        DnsServer pub = resolver("public", DnsBehaviour.answer("127.0.0.1"))) {
      DiagnosisRun run =
          diagnose(
              "http://" + HOST + ":" + panel.port(),
              USER,
              p,
              settings(system.hostPort(), pub.hostPort()),
              TlsTrust.system());
      List<RecordedRequest> all = new ArrayList<>(panel.requests());
      all.addAll(block.requests());
      return new Outcome(run.facts(), all, List.of(), run.wallMillis());
    }
  }

  static Outcome dnsOnly(DnsBehaviour system, DnsBehaviour pub, String p) throws Exception {
    try (DnsServer s = resolver("system", system);
        DnsServer q = resolver("public", pub)) {
      return network("http://" + HOST + ":8080", p, settings(s.hostPort(), q.hostPort()));
    }
  }

  static Outcome tls(TlsIdentity identity, boolean trusted, String p) throws Exception {
    Outcome o =
        site(
            "https://" + HOST + ":PORT",
            USER,
            p,
            s -> s,
            identity,
            Panel.xc2(Account.active(USER, p)));
    if (trusted) {
      return o;
    }
    // the same server, but judged by the system trust store, as an app would
    try (PanelServer panel =
            PanelServer.builder(Panel.xc2(Account.active(USER, p)))
                .tls(identity)
                .secret(p)
                .start();
        DnsServer dns = resolver("system", DnsBehaviour.answer("127.0.0.1"))) {
      DiagnosisRun run =
          diagnose(
              "https://" + HOST + ":" + panel.port(),
              USER,
              p,
              settings(dns.hostPort(), dns.hostPort()),
              TlsTrust.system());
      return new Outcome(run.facts(), panel.requests(), List.of(), run.wallMillis());
    }
  }

  private ProbeCases() {}
}
