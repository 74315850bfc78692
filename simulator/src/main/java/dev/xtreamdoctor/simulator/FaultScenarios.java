package dev.xtreamdoctor.simulator;

import static dev.xtreamdoctor.simulator.PanelFamily.XC2;
import static dev.xtreamdoctor.simulator.PanelFamily.XUI;
import static dev.xtreamdoctor.simulator.Scenarios.add;
import static dev.xtreamdoctor.simulator.Scenarios.spec;

import java.util.Map;

/**
 * The second half of the {@link Scenarios} catalogue, in catalogue order: DNS faults, echoes,
 * answers that lead elsewhere, odd bodies and hostile servers.
 */
final class FaultScenarios {
  private FaultScenarios() {}

  /** The resolvers in front of the panel failing or lying. */
  static void dnsFaults(Map<String, ScenarioSpec> m, Account line) {
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
  }

  /** Panels that echo what they are sent, or send text meant for a terminal. */
  static void echoes(Map<String, ScenarioSpec> m, Account line) {
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
  }

  /** DNS answers that lead somewhere else: sinkholes, stale or dead addresses, CNAMEs, IPv6. */
  static void dnsAnswers(Map<String, ScenarioSpec> m, Account line) {
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
  }

  /** Panels that moved, and redirects that go nowhere. */
  static void redirects(Map<String, ScenarioSpec> m, Account line) {
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
  }

  /** Answers a strict client chokes on. */
  static void oddBodies(Map<String, ScenarioSpec> m, Account line) {
    add(
        m,
        spec(
                "refused-with-401",
                XC2,
                line,
                "An XC2-compatible panel answers a wrong password with HTTP 401 and its login JSON"
                    + " (auth 0).")
            .typed(Scenarios.USERNAME, "sim-Pass-4812")
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
  }

  /** Servers that try to exhaust the client, or are no panel at all. */
  static void hostileServers(Map<String, ScenarioSpec> m, Account line) {
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
  }
}
