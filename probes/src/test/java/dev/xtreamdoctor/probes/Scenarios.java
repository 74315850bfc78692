package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Fact;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every probe-observable scenario, as a function of the password, so the same runs serve both the
 * per-cause assertions and the canary-password sweep. Each builds its real loopback servers, runs
 * one diagnosis, and tears them down.
 */
final class Scenarios {
  static final String HOST = "panel.example.test";
  static final String USER = "john";

  interface Scenario {
    Outcome run(String password) throws Exception;
  }

  /** The facts plus what the panel saw. */
  record Outcome(List<Fact> facts, List<LoopbackPanel.Request> panelSaw, long wallMillis) {}

  static String xc2Login(String user, String pass, String status, String exp) {
    return "{\"user_info\":{\"username\":\"" + Redactor.jsonEscaped(user) + "\",\"password\":\""
        + Redactor.jsonEscaped(pass) + "\",\"message\":\"\",\"auth\":1,\"status\":\"" + status
        + "\",\"exp_date\":" + exp + ",\"is_trial\":\"0\",\"active_cons\":\"1\",\"created_at\":\"1526616000\","
        + "\"max_connections\":\"3\",\"allowed_output_formats\":[\"m3u8\",\"ts\"]},\"server_info\":{\"url\":\""
        + HOST + "\",\"port\":\"25461\",\"https_port\":\"\",\"server_protocol\":\"http\",\"rtmp_port\":\"25462\","
        + "\"timezone\":\"Europe\\/London\",\"timestamp_now\":1729335877,\"time_now\":\"2024-10-19 12:04:37\",\"process\":true}}";
  }

  static String xuiLogin(String user, String pass) {
    return "{\"user_info\":{\"username\":\"" + Redactor.jsonEscaped(user) + "\",\"password\":\""
        + Redactor.jsonEscaped(pass) + "\",\"message\":null,\"auth\":1,\"status\":\"Active\",\"exp_date\":null,"
        + "\"is_trial\":\"0\",\"active_cons\":0,\"created_at\":\"1743243036\",\"max_connections\":\"6\","
        + "\"allowed_output_formats\":[\"m3u8\",\"ts\"]},\"server_info\":{\"xui\":true,\"version\":\"1.5.13\","
        + "\"revision\":2,\"url\":\"" + HOST + "\",\"port\":\"80\",\"https_port\":\"443\",\"server_protocol\":\"http\","
        + "\"rtmp_port\":\"8880\",\"timestamp_now\":1761674900,\"time_now\":\"2025-10-28 15:08:20\",\"timezone\":\"UTC\"}}";
  }

  static final String XUI_404 =
      "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n"
          + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
          + "<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n".repeat(6);

  static final String NGINX_404 =
      "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n"
          + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

  static final String BLOCK_PAGE =
      "<html><head><title>Blocked</title></head><body><h1>Access to this website has been blocked"
          + " by court order.</h1></body></html>";

  static final String CLOUDFLARE_522 =
      "<!DOCTYPE html><html><head><title>" + HOST + " | 522: Connection timed out</title>"
          + "<link rel=\"stylesheet\" href=\"/cdn-cgi/styles/cf.errors.css\"></head><body>"
          + "<div id=\"cf-error-details\" class=\"cf-error-overview\">Cloudflare</div></body></html>";

  static ProbeSettings settings(String system, String publicOne) {
    return ProbeSettings.defaults()
        .withResolvers(List.of(system), List.of(publicOne))
        .withTimeouts(300, 1000, 4000)
        .withLimits(1 << 20, 6, 3);
  }

  /** One diagnosis of a name served by the given panel handler, both resolvers agreeing. */
  static Outcome panel(String server, String user, String pass, LoopbackPanel.Handler handler) throws Exception {
    return panel(server, user, pass, handler, s -> s);
  }

  interface Tweak {
    ProbeSettings apply(ProbeSettings s);
  }

  static Outcome panel(String server, String user, String pass, LoopbackPanel.Handler handler, Tweak tweak)
      throws Exception {
    try (LoopbackPanel panel = LoopbackPanel.http(handler);
        LoopbackDns system = LoopbackDns.answering("127.0.0.1");
        LoopbackDns pub = LoopbackDns.answering("127.0.0.1")) {
      String typed = server.replace("PORT", String.valueOf(panel.port()));
      return diagnose(typed, user, pass, tweak.apply(settings(system.address(), pub.address())), TlsTrust.system(), panel);
    }
  }

  static Outcome diagnose(
      String typed, String user, String pass, ProbeSettings s, TlsTrust trust, LoopbackPanel panel)
      throws Exception {
    DiagnosisRun run =
        new Diagnoser(s, trust)
            .runTimed(DiagnoseRequest.of(typed, user, pass == null ? null : Secret.of(pass)));
    return new Outcome(run.facts(), panel == null ? List.of() : panel.requests(), run.wallMillis());
  }

  /** Every scenario by name; the canary test runs them all. */
  static Map<String, Scenario> all() {
    Map<String, Scenario> m = new LinkedHashMap<>();
    m.put("healthy_xc2", p -> panel("http://" + HOST + ":PORT", USER, p, LoopbackPanel.json(200, xc2Login(USER, p, "Active", "null"))));
    m.put("healthy_xui", p -> panel("http://" + HOST + ":PORT", USER, p, LoopbackPanel.json(200, xuiLogin(USER, p))));
    m.put("credentials_rejected", p -> panel("http://" + HOST + ":PORT", USER, p, LoopbackPanel.json(200, "{\"user_info\":{\"auth\":0}}")));
    m.put("rejected_or_inactive", p -> panel("http://" + HOST + ":PORT", USER, p, LoopbackPanel.html(404, XUI_404)));
    m.put("blank_password", p -> panel("http://" + HOST + ":PORT", USER, "", LoopbackPanel.json(200, "")));
    m.put("xc2_empty_200", p -> panel("http://" + HOST + ":PORT", USER, p, (ex, i) -> LoopbackPanel.send(ex, 200, "application/json", "")));
    m.put("wrong_port", p -> panel("http://" + HOST + ":PORT", USER, p, LoopbackPanel.html(404, NGINX_404, "Server", "nginx")));
    m.put("expired", p -> panel("http://" + HOST + ":PORT", USER, p, LoopbackPanel.json(200, xc2Login(USER, p, "Expired", "\"1700000000\""))));
    m.put("banned", p -> panel("http://" + HOST + ":PORT", USER, p, LoopbackPanel.json(200, xc2Login(USER, p, "Banned", "\"\""))));
    m.put("disabled", p -> panel("http://" + HOST + ":PORT", USER, p, LoopbackPanel.json(200, xc2Login(USER, p, "Disabled", "\"0\""))));
    m.put("ua_filter", p -> panel("http://" + HOST + ":PORT", USER, p,
        (ex, i) -> {
          String ua = ex.getRequestHeaders().getFirst("User-Agent");
          if (ua != null && ua.startsWith("VLC")) {
            LoopbackPanel.send(ex, 454, "", "");
          } else {
            LoopbackPanel.send(ex, 200, "application/json", xc2Login(USER, p, "Active", "null"));
          }
        }));
    m.put("flood_403", p -> panel("http://" + HOST + ":PORT", USER, p, (ex, i) -> LoopbackPanel.send(ex, 403, "", "")));
    m.put("overloaded_503", p -> panel("http://" + HOST + ":PORT", USER, p, LoopbackPanel.html(503, "<html><body>503 Service Temporarily Unavailable</body></html>", "Server", "nginx")));
    m.put("cloudflare_522", p -> panel("http://" + HOST + ":PORT", USER, p,
        LoopbackPanel.html(522, CLOUDFLARE_522, "Server", "cloudflare", "CF-RAY", "8f1e2d3c4b5a6978-AMS")));
    m.put("redirect_echoing_password", p -> panel("http://" + HOST + ":PORT", USER, p,
        (ex, i) -> LoopbackPanel.send(ex, 302, "", "", "Location", "http://elsewhere.example.test/player_api.php?" + ex.getRequestURI().getRawQuery())));
    m.put("panel_went_silent", Scenarios::panelWentSilent);
    m.put("no_http_answer", Scenarios::hangingPanel);
    m.put("empty_reply", p -> raw(RawServer.Behaviour.CLOSE_AT_ONCE, "http", p));
    m.put("http_to_tls_port", p -> raw(RawServer.Behaviour.NGINX_400_PLAIN_HTTP, "http", p));
    m.put("https_to_plain_port", p -> raw(RawServer.Behaviour.NGINX_400_PLAIN_HTTP, "https", p));
    m.put("port_refused", Scenarios::portRefused);
    m.put("connect_timeout", Scenarios::connectTimeout);
    m.put("isp_dns_tampering", Scenarios::ispDnsTampering);
    m.put("nxdomain", p -> dnsOnly(LoopbackDns.Mode.NXDOMAIN, LoopbackDns.Mode.NXDOMAIN, p));
    m.put("servfail", p -> dnsOnly(LoopbackDns.Mode.SERVFAIL, LoopbackDns.Mode.SERVFAIL, p));
    m.put("dns_silent", p -> dnsOnly(LoopbackDns.Mode.SILENT, LoopbackDns.Mode.SILENT, p));
    m.put("dns_refused_nodata", p -> dnsOnly(LoopbackDns.Mode.REFUSED, LoopbackDns.Mode.NODATA, p));
    m.put("tls_ok", p -> tls(HOST, false, true, p));
    m.put("tls_self_signed", p -> tls(HOST, false, false, p));
    m.put("tls_expired", p -> tls(HOST, true, true, p));
    m.put("tls_wrong_name", p -> tls("other.example.test", false, true, p));
    m.put("pasted_get_php", p -> panel("http://" + HOST + ":PORT/get.php?username=" + USER + "&password="
        + HttpLoginProbe.encode(p) + "&type=m3u_plus&output=ts", null, null, LoopbackPanel.json(200, xc2Login(USER, p, "Active", "null"))));
    m.put("spaces_around_username", p -> panel("http://" + HOST + ":PORT", " " + USER + " ", p,
        (ex, i) -> LoopbackPanel.send(ex, 200, "application/json",
            ex.getRequestURI().getRawQuery().startsWith("username=" + USER + "&")
                ? xc2Login(USER, p, "Active", "null") : "{\"user_info\":{\"auth\":0}}")));
    m.put("body_too_large", p -> panel("http://" + HOST + ":PORT", USER, p,
        (ex, i) -> LoopbackPanel.send(ex, 200, "application/json", "{\"user_info\":{\"auth\":1,\"pad\":\"" + "x".repeat(3 << 20) + "\"}}")));
    m.put("ip_literal", p -> panel("http://127.0.0.1:PORT", USER, p, LoopbackPanel.json(200, xc2Login(USER, p, "Active", "null"))));
    return m;
  }

  static Outcome panelWentSilent(String p) throws Exception {
    LoopbackPanel[] self = new LoopbackPanel[1];
    try (LoopbackPanel panel = LoopbackPanel.http((ex, i) -> {
          if (i == 0) {
            LoopbackPanel.send(ex, 200, "application/json", "{\"user_info\":{\"auth\":0}}");
          } else {
            self[0].hang(); // the flood ban: later requests get no answer
          }
        });
        LoopbackDns dns = LoopbackDns.answering("127.0.0.1")) {
      self[0] = panel;
      return diagnose("http://" + HOST + ":" + panel.port(), " " + USER, p,
          settings(dns.address(), dns.address()), TlsTrust.system(), panel);
    }
  }

  static Outcome hangingPanel(String p) throws Exception {
    LoopbackPanel[] self = new LoopbackPanel[1];
    try (LoopbackPanel panel = LoopbackPanel.http((ex, i) -> self[0].hang());
        LoopbackDns dns = LoopbackDns.answering("127.0.0.1")) {
      self[0] = panel;
      // a read timeout longer than the total: only the total deadline can end it
      ProbeSettings s = settings(dns.address(), dns.address()).withTimeouts(300, 10_000, 1500);
      return diagnose("http://" + HOST + ":" + panel.port(), USER, p, s, TlsTrust.system(), panel);
    }
  }

  static Outcome raw(RawServer.Behaviour b, String scheme, String p) throws Exception {
    try (RawServer server = new RawServer(b); LoopbackDns dns = LoopbackDns.answering("127.0.0.1")) {
      return diagnose(scheme + "://" + HOST + ":" + server.port(), USER, p,
          settings(dns.address(), dns.address()), TlsTrust.system(), null);
    }
  }

  static Outcome portRefused(String p) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    try (LoopbackDns dns = LoopbackDns.answering("127.0.0.1")) {
      return diagnose("http://" + HOST + ":" + port, USER, p, settings(dns.address(), dns.address()), TlsTrust.system(), null);
    }
  }

  /** A listener whose accept queue is full: Linux drops further SYNs, so connects time out. */
  static Outcome connectTimeout(String p) throws Exception {
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        LoopbackDns dns = LoopbackDns.answering("127.0.0.1")) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          Socket s = new Socket();
          s.connect(full.getLocalSocketAddress(), 300);
          fillers.add(s);
        }
        return diagnose("http://" + HOST + ":" + full.getLocalPort(), USER, p,
            settings(dns.address(), dns.address()), TlsTrust.system(), null);
      } finally {
        for (Socket s : fillers) {
          s.close();
        }
      }
    }
  }

  /** The ISP's resolver answers a block-page address; the public resolver the real one. */
  static Outcome ispDnsTampering(String p) throws Exception {
    try (LoopbackPanel panel = LoopbackPanel.http(LoopbackPanel.json(200, xc2Login(USER, p, "Active", "null")));
        LoopbackPanel block = LoopbackPanel.http("127.0.0.2", panel.port(), LoopbackPanel.html(200, BLOCK_PAGE));
        LoopbackDns system = LoopbackDns.answering("127.0.0.2");
        LoopbackDns pub = LoopbackDns.answering("127.0.0.1")) {
      Outcome o = diagnose("http://" + HOST + ":" + panel.port(), USER, p,
          settings(system.address(), pub.address()), TlsTrust.system(), panel);
      List<LoopbackPanel.Request> all = new ArrayList<>(o.panelSaw());
      all.addAll(block.requests());
      return new Outcome(o.facts(), all, o.wallMillis());
    }
  }

  static Outcome dnsOnly(LoopbackDns.Mode system, LoopbackDns.Mode pub, String p) throws Exception {
    try (LoopbackDns s = LoopbackDns.with(system); LoopbackDns q = LoopbackDns.with(pub)) {
      return diagnose("http://" + HOST + ":8080", USER, p, settings(s.address(), q.address()), TlsTrust.system(), null);
    }
  }

  static Outcome tls(String certName, boolean expired, boolean trusted, String p) throws Exception {
    KeyStore ks = TestCertificates.keyStore(certName, expired);
    try (LoopbackPanel panel = LoopbackPanel.https(TestCertificates.serverContext(ks),
            LoopbackPanel.json(200, xc2Login(USER, p, "Active", "null")));
        LoopbackDns dns = LoopbackDns.answering("127.0.0.1")) {
      TlsTrust trust = trusted ? TestCertificates.trusting(ks) : TlsTrust.system();
      return diagnose("https://" + HOST + ":" + panel.port(), USER, p, settings(dns.address(), dns.address()), trust, panel);
    }
  }

  private Scenarios() {}
}
