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

    healthyAndCredentials(m, line);
    lineStatus(m, line, pastDate);
    portsAndTls(m, line);
    filtersAndCloudflare(m, line);
    loadAndConnections(m, line);
    FaultScenarios.dnsFaults(m, line);
    FaultScenarios.echoes(m, line);
    FaultScenarios.dnsAnswers(m, line);
    FaultScenarios.redirects(m, line);
    FaultScenarios.oddBodies(m, line);
    FaultScenarios.hostileServers(m, line);
    return Collections.unmodifiableMap(m);
  }

  /** The healthy lines, and credentials typed wrong. */
  private static void healthyAndCredentials(Map<String, ScenarioSpec> m, Account line) {
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
  }

  /** Lines the panel refuses for their status, limits or odd answers. */
  private static void lineStatus(Map<String, ScenarioSpec> m, Account line, String pastDate) {
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
  }

  /** The wrong port or protocol typed, and certificates apps refuse. */
  private static void portsAndTls(Map<String, ScenarioSpec> m, Account line) {
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
  }

  /** Panels that filter clients, and Cloudflare in front of a panel. */
  private static void filtersAndCloudflare(Map<String, ScenarioSpec> m, Account line) {
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
                "cloudflare-challenge",
                XUI,
                line,
                "Cloudflare fronts the panel in 'under attack' mode: every request gets its"
                    + " JavaScript challenge (503, 'Just a moment...'), which no IPTV app can pass.")
            .overlay("cloudflare challenge 503"));
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
  }

  /** A slow or overloaded panel, broken connections, flood protection. */
  private static void loadAndConnections(Map<String, ScenarioSpec> m, Account line) {
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
        spec(
                "isp-block-page",
                XC2,
                line,
                "DNS is fine, but the internet provider's filter answers the request to the"
                    + " panel's address with its court-order block page (HTTP 451).")
            .overlay("block-page 451"));
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
  }

  static ScenarioSpec.Builder spec(
      String name, PanelFamily family, Account line, String description) {
    return ScenarioSpec.builder(name, family).account(line).description(description);
  }

  static void add(Map<String, ScenarioSpec> m, ScenarioSpec.Builder b) {
    ScenarioSpec spec = b.build();
    m.put(spec.name(), spec);
  }
}
