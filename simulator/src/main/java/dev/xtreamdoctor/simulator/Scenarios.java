package dev.xtreamdoctor.simulator;

import static dev.xtreamdoctor.simulator.PanelFamily.XC2;
import static dev.xtreamdoctor.simulator.PanelFamily.XUI;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of ready-made scenarios, one per situation of the guide and the reference's
 * real-world cases. All use the host {@value ScenarioSpec#DEFAULT_HOST} and the line {@code demo} /
 * {@value #PASSWORD}.
 */
public final class Scenarios {
  public static final String USERNAME = "demo";
  public static final String PASSWORD = "sim-Pass-4821";

  private static final Map<String, ScenarioSpec> CATALOGUE = build();

  private Scenarios() {}

  /** The names, in catalogue order. */
  public static List<String> names() {
    return List.copyOf(CATALOGUE.keySet());
  }

  public static List<ScenarioSpec> all() {
    return List.copyOf(CATALOGUE.values());
  }

  /** A scenario by name; an unknown name fails with one line listing the known ones. */
  public static ScenarioSpec get(String name) {
    ScenarioSpec spec = CATALOGUE.get(name);
    if (spec == null) {
      throw new IllegalArgumentException(
          "unknown scenario '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return spec;
  }

  private static Map<String, ScenarioSpec> build() {
    Map<String, ScenarioSpec> m = new LinkedHashMap<>();
    Account line = Account.active(USERNAME, PASSWORD).withConnections(0, 2);
    String pastDate = Long.toString(Instant.now().minus(Duration.ofDays(30)).getEpochSecond());

    add(
        m,
        spec(
            "healthy-xc2", XC2, line, "An XC2 / Xtream UI panel, an active line typed correctly."));
    add(m, spec("healthy-xui", XUI, line, "An XUI.one panel, an active line typed correctly."));
    add(
        m,
        spec(
                "bad-credentials-xc2",
                XC2,
                line,
                "XC2 panel; the password typed is wrong, so the panel answers auth 0.")
            .typed(USERNAME, "sim-Pass-4812"));
    add(
        m,
        spec(
                "bad-credentials-xui",
                XUI,
                line,
                "XUI panel; the password typed is wrong, so the panel answers its padded 404 page.")
            .typed(USERNAME, "sim-Pass-4812"));
    add(
        m,
        spec(
                "username-wrong-case",
                XC2,
                line,
                "XC2 panel; the username is typed with a capital letter, and lines are"
                    + " case-sensitive: auth 0.")
            .typed("Demo", PASSWORD));
    add(
        m,
        spec(
                "password-extra-space",
                XC2,
                line,
                "XC2 panel; the password was pasted with a trailing space: auth 0.")
            .typed(USERNAME, PASSWORD + " "));
    add(
        m,
        spec(
            "expired-xc2",
            XC2,
            line.withExpDate(pastDate),
            "XC2 panel; the line's exp_date passed 30 days ago: auth 1, status Expired."));
    add(
        m,
        spec(
            "expired-xui",
            XUI,
            line.withExpDate(pastDate),
            "XUI panel; the line expired 30 days ago: the padded 404 page, like a wrong"
                + " password."));
    add(
        m,
        spec(
            "banned",
            XC2,
            line.withStatus(LineStatus.BANNED),
            "XC2 panel; the provider banned the line: auth 1, status Banned."));
    add(
        m,
        spec(
            "disabled",
            XC2,
            line.withStatus(LineStatus.DISABLED),
            "XC2 panel; the reseller disabled the line: auth 1, status Disabled."));
    add(
        m,
        spec(
            "trial-expired",
            XC2,
            line.withTrial(true).withExpDate(pastDate),
            "XC2 panel; a trial line whose trial ended: is_trial 1, status Expired."));
    add(
        m,
        spec(
            "connection-limit",
            XC2,
            line.withConnections(2, 2),
            "XC2 panel; login works but all connections are in use (active_cons ="
                + " max_connections)."));
    add(
        m,
        spec(
                "blank-credentials",
                XC2,
                line,
                "XC2 panel; the username and password fields were left empty: HTTP 200 with an"
                    + " empty body.")
            .typed("", ""));
    add(
        m,
        spec(
                "odd-types",
                XC2,
                line,
                "XC2-compatible panel writing ints instead of strings and an empty https_port.")
            .settings(PanelSettings.defaults(XC2).withOddTypes(true)));
    add(
        m,
        spec(
                "wrong-port",
                XC2,
                line,
                "The URL's port leads to a plain nginx (welcome page, unpadded 404), not the"
                    + " panel.")
            .target(ScenarioSpec.Target.WRONG_PORT));
    add(
        m,
        spec(
                "port-closed",
                XC2,
                line,
                "Nothing listens on the URL's port: the connection is refused.")
            .target(ScenarioSpec.Target.CLOSED_PORT));
    add(
        m,
        spec(
                "port-filtered",
                XC2,
                line,
                "Connections to the URL's port time out: a firewall or the ISP drops them.")
            .target(ScenarioSpec.Target.FILTERED_PORT));
    add(
        m,
        spec(
                "wrong-protocol-https-on-http",
                XC2,
                line,
                "The URL says https but the panel's port speaks plain HTTP: the TLS handshake"
                    + " fails.")
            .urlScheme("https"));
    add(
        m,
        spec(
                "wrong-protocol-http-on-tls",
                XC2,
                line,
                "The URL says http but the port speaks TLS: nginx answers 400 'plain HTTP request"
                    + " was sent to HTTPS port'.")
            .tls(TlsIdentity.SELF_SIGNED)
            .urlScheme("http"));
    add(
        m,
        spec(
                "self-signed-tls",
                XC2,
                line,
                "An https panel with a self-signed certificate that no client trusts.")
            .tls(TlsIdentity.SELF_SIGNED));
    add(
        m,
        spec("tls-expired", XC2, line, "An https panel whose certificate expired in 2020.")
            .tls(TlsIdentity.EXPIRED));
    add(
        m,
        spec("tls-wrong-name", XC2, line, "An https panel whose certificate is for another name.")
            .tls(TlsIdentity.WRONG_NAME));
    add(
        m,
        spec(
                "xui-wrong-domain",
                XUI,
                line,
                "XUI panel that only accepts its own domain (verify_host); the name typed is an"
                    + " alias, so even good credentials get the padded 404.")
            .overlay("verify-host real-panel.example.test"));
    add(
        m,
        spec(
                "ua-filter",
                XC2,
                line,
                "A provider filter in front of the panel answers 454 unless the User-Agent looks"
                    + " like VLC or IPTV Smarters.")
            .overlay("ua-filter 454 allow VLC|IPTVSmarters|okhttp"));
    add(
        m,
        spec(
                "ua-filter-html",
                XC2,
                line,
                "A provider filter answers an HTML page instead of JSON to an empty User-Agent.")
            .overlay("ua-filter html"));
    add(
        m,
        spec(
                "cloudflare-521",
                XC2,
                line,
                "Cloudflare fronts the panel and its origin is down: 521 with Server: cloudflare.")
            .overlay("cloudflare 521"));
    add(
        m,
        spec(
                "cloudflare-524",
                XC2,
                line,
                "Cloudflare fronts the panel and the origin did not answer in time: 524.")
            .overlay("cloudflare 524"));
    add(
        m,
        spec(
                "overloaded-503",
                XC2,
                line,
                "The panel's nginx is overloaded: 503 Service Temporarily Unavailable.")
            .overlay("overloaded 503"));
    add(
        m,
        spec(
                "hang",
                XC2,
                line,
                "The panel accepts the connection, reads the request and never answers.")
            .overlay("hang"));
    add(
        m,
        spec("slow", XC2, line, "The panel answers correctly, but only after 4 seconds.")
            .overlay("slow 4000"));
    add(
        m,
        spec(
                "peak-hours",
                XC2,
                line,
                "The panel works by day; from 18:00 to 23:59 (local time) it accepts the connection"
                    + " and never answers: overloaded at peak hours.")
            .overlay("at-hours 18-23 hang"));
    add(
        m,
        spec("reset", XC2, line, "The connection is reset (TCP RST) after the request is sent.")
            .overlay("reset"));
    add(
        m,
        spec("empty-reply", XC2, line, "The connection is closed without a single byte of answer.")
            .overlay("empty-reply"));
    add(
        m,
        spec(
                "flood-ban",
                XUI,
                line,
                "XUI panel that already banned this IP for flooding: 403 with an empty body, then"
                    + " silence.")
            .overlay("flood banned"));
    add(
        m,
        spec(
                "flood-strict",
                XC2,
                line,
                "XC2 panel whose flood protection bans after 3 player_api requests less than 2 s"
                    + " apart.")
            .overlay("flood limit 3 gap 2000"));
    add(
        m,
        spec(
                "isp-dns-hijack",
                XC2,
                line,
                "The ISP's resolver points the panel's name to a court-order block page on"
                    + " 127.0.0.66; a public resolver gives the real address.")
            .systemDns("hijack"));
    add(
        m,
        spec(
                "system-dns-nxdomain",
                XC2,
                line,
                "The system resolver says the name does not exist; a public resolver knows it.")
            .systemDns("nxdomain"));
    add(
        m,
        spec(
                "system-dns-servfail",
                XC2,
                line,
                "The system resolver fails (SERVFAIL); a public resolver answers.")
            .systemDns("servfail"));
    add(
        m,
        spec(
                "system-dns-refused",
                XC2,
                line,
                "The system resolver refuses to answer (REFUSED); a public resolver answers.")
            .systemDns("refused"));
    add(
        m,
        spec(
                "system-dns-silent",
                XC2,
                line,
                "The system resolver never answers; a public resolver does.")
            .systemDns("silence"));
    add(
        m,
        spec(
                "name-nowhere",
                XC2,
                line,
                "No resolver knows the name: a typo in the host, or the provider's domain is gone.")
            .systemDns("nxdomain")
            .publicDns("nxdomain"));
    add(
        m,
        spec(
                "hostile-echo",
                XC2,
                line,
                "A panel that refuses the login and echoes the password in every spelling and place:"
                    + " status line, Server, CF-RAY, Location, Set-Cookie and the JSON body.")
            .overlay("echo-password"));
    add(
        m,
        spec(
                "hostile-ansi",
                XC2,
                line,
                "A panel that refuses the login with terminal escape sequences and a CR LF in its"
                    + " status line, Server header and account status.")
            .overlay("ansi"));
    // ---- the app's path: the system resolver's addresses, in order ------------------------
    add(
        m,
        spec(
                "dns-sinkhole",
                XC2,
                line,
                "The system resolver answers 0.0.0.0 (a DNS filter's sinkhole); a public resolver"
                    + " gives the panel's address.")
            .systemDns("answer 0.0.0.0"));
    add(
        m,
        spec(
                "dns-stale-address",
                XC2,
                line,
                "The system resolver gives an old address where nothing listens any more; a public"
                    + " resolver gives the panel's new one.")
            .systemDns("answer 127.0.0.77"));
    add(
        m,
        spec(
                "dns-stale-address-reused",
                XUI,
                line,
                "The system resolver gives an old address that another site's web server now uses;"
                    + " a public resolver gives the panel's new one.")
            .systemDns("reused"));
    add(
        m,
        spec(
                "dns-first-address-dead",
                XC2,
                line,
                "The name has two addresses; the first refuses connections, the second is the"
                    + " panel: the app falls back to it.")
            .systemDns("answer 127.0.0.77,panel")
            .publicDns("answer 127.0.0.77,panel"));
    add(
        m,
        spec(
                "dns-nodata",
                XC2,
                line,
                "The name exists, but no resolver has an address for it (NODATA for A and AAAA).")
            .systemDns("nodata")
            .publicDns("nodata"));
    add(
        m,
        spec(
                "dns-cname-chain",
                XUI,
                line,
                "The name is an alias (CNAME) of a CDN name that leads to the panel: nothing wrong.")
            .systemDns("cname edge.cdn.example.test")
            .publicDns("cname edge.cdn.example.test")
            .name("edge.cdn.example.test", "answer panel"));
    add(
        m,
        spec(
                "dns-cname-dangling",
                XC2,
                line,
                "The name is an alias (CNAME) of a name that no longer exists.")
            .systemDns("cname gone.cdn.example.test")
            .publicDns("cname gone.cdn.example.test")
            .name("gone.cdn.example.test", "nxdomain"));
    add(
        m,
        spec(
                "ipv6-panel",
                XUI,
                line,
                "A healthy panel on IPv6 only (::1): the name has an AAAA record and no A record.")
            .panelAddress("::1"));
    // ---- redirects, as the app follows them ------------------------------------------------
    add(
        m,
        spec(
                "moved-xc2",
                XC2,
                line,
                "The URL typed leads to the provider's old server, which redirects (301) every"
                    + " request to the panel's new name and port.")
            .redirect("301 http://new-panel.example.test:{panelPort}")
            .name("new-panel.example.test", "answer panel"));
    add(
        m,
        spec(
                "moved-xui",
                XUI,
                line,
                "As moved-xc2, for an XUI.one panel (which checks the Host it is asked under).")
            .redirect("301 http://new-panel.example.test:{panelPort}")
            .name("new-panel.example.test", "answer panel")
            .overlay("verify-host new-panel.example.test"));
    add(
        m,
        spec(
                "redirect-loop",
                XC2,
                line,
                "The URL typed redirects (302) to itself: the app goes round until it gives up.")
            .redirect("302 {self}"));
    add(
        m,
        spec(
                "redirect-dead-end",
                XC2,
                line,
                "The URL typed redirects to a name that no longer exists.")
            .redirect("302 http://gone.example.test:{panelPort}")
            .name("gone.example.test", "nxdomain"));
    add(
        m,
        spec(
                "redirect-refused",
                XC2,
                line,
                "The URL typed redirects into a private network (10.255.255.1), where the doctor's"
                    + " network gate does not follow.")
            .redirect("302 http://10.255.255.1:{panelPort}"));
    // ---- the panel's own words -------------------------------------------------------------
    add(
        m,
        spec(
                "refused-with-401",
                XC2,
                line,
                "An XC2-compatible panel answers a wrong password with HTTP 401 and its login JSON"
                    + " (auth 0).")
            .typed(USERNAME, "sim-Pass-4812")
            .overlay("status 401"));
    add(
        m,
        spec(
                "php-warnings",
                XC2,
                line,
                "The panel prints PHP warnings before its login JSON (display_errors on).")
            .overlay("php-warnings before"));
    add(
        m,
        spec(
                "byte-order-mark",
                XUI,
                line,
                "The panel's login JSON starts with a UTF-8 byte-order mark.")
            .overlay("bom"));
    add(
        m,
        spec(
                "truncated-body",
                XC2,
                line,
                "The panel announces its whole login JSON but the connection closes after 40"
                    + " bytes.")
            .overlay("truncated 40"));
    // ---- hostile servers: every byte bounded -----------------------------------------------
    add(
        m,
        spec("hostile-endless-header-line", XC2, line, "The answer's first header line never ends.")
            .overlay("hostile endless-header-line"));
    add(
        m,
        spec("hostile-many-headers", XC2, line, "The answer carries a million headers.")
            .overlay("hostile many-headers"));
    add(
        m,
        spec("hostile-huge-body", XC2, line, "The answer announces and sends a 2 GB body.")
            .overlay("hostile huge-body"));
    add(
        m,
        spec("hostile-endless-chunked", XC2, line, "The answer is a chunked body that never ends.")
            .overlay("hostile endless-chunked"));
    add(
        m,
        spec(
                "hostile-gzip-bomb",
                XC2,
                line,
                "The answer is a few kilobytes of gzip that inflate to 10 GB.")
            .overlay("hostile gzip-bomb"));
    add(
        m,
        spec(
                "hostile-garbage",
                XC2,
                line,
                "The port answers with binary bytes that are no HTTP at all.")
            .overlay("hostile garbage"));
    add(
        m,
        spec(
                "wrong-port-ssh",
                XC2,
                line,
                "The port typed is an SSH server's: it greets with its banner, not HTTP.")
            .overlay("hostile ssh"));
    add(
        m,
        spec(
                "http-on-tls-port-alert",
                XC2,
                line,
                "http:// typed for a TLS port whose server answers plain HTTP with a TLS alert.")
            .overlay("hostile tls-alert"));
    return Collections.unmodifiableMap(m);
  }

  private static ScenarioSpec.Builder spec(
      String name, PanelFamily family, Account line, String description) {
    return ScenarioSpec.builder(name, family).account(line).description(description);
  }

  private static void add(Map<String, ScenarioSpec> m, ScenarioSpec.Builder b) {
    ScenarioSpec spec = b.build();
    m.put(spec.name(), spec);
  }
}
