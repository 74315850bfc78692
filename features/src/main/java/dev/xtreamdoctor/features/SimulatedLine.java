package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.simulator.Account;
import dev.xtreamdoctor.simulator.LineStatus;
import dev.xtreamdoctor.simulator.PanelFamily;
import dev.xtreamdoctor.simulator.PanelSettings;
import dev.xtreamdoctor.simulator.RecordedRequest;
import dev.xtreamdoctor.simulator.ScenarioSpec;
import dev.xtreamdoctor.simulator.Scenarios;
import dev.xtreamdoctor.simulator.TlsIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An end-to-end scenario's line: the simulated panel and network the Given-steps describe, what the
 * user typed, and, once diagnosed, what the panel saw and what the doctor printed. Built up in
 * plain words ("an expired line", "a hanging panel"), each phrase one change to a {@link
 * ScenarioSpec}.
 */
final class SimulatedLine {
  /** The one line every scenario uses; its password is the canary of the output checks. */
  static final String USERNAME = Scenarios.USERNAME;

  static final String PASSWORD = Scenarios.PASSWORD;

  ScenarioSpec.Builder spec;

  /** The server field: {@code {url}} stands for the simulated server URL. */
  String serverTemplate = "{url}";

  String typedUsername = USERNAME;
  String typedPassword = PASSWORD;

  /** False when the user gives the credentials only inside a pasted link. */
  boolean credentialsSeparately = true;

  /** The device trusts the simulator's certificate. */
  boolean trustPanel;

  Optional<ReportedSymptoms> symptoms = Optional.empty();

  // ---- after the diagnosis ---------------------------------------------------------------

  /** Every request any simulated server saw, and the most the panel handled at once. */
  List<RecordedRequest> panelRequests = List.of();

  List<RecordedRequest> allRequests = List.of();

  int peakConcurrentRequests;
  long wallMillis;

  /** The diagnosis in every format, and the facts, as a user or a ticket would see them. */
  List<String> outputs = new ArrayList<>();

  static SimulatedLine of(PanelFamily family, String account, String fault) {
    SimulatedLine line = new SimulatedLine();
    line.spec =
        ScenarioSpec.builder("e2e-" + family.name().toLowerCase(java.util.Locale.ROOT), family)
            .account(account(account));
    line.spec = fault(fault, family).apply(line.spec);
    return line;
  }

  // ---- the account ------------------------------------------------------------------------

  private static final Map<String, UnaryOperator<Account>> ACCOUNTS =
      Map.of(
          "an active line", a -> a,
          "an expired line", a -> a.withExpDate(daysAgo(30)),
          "a banned line", a -> a.withStatus(LineStatus.BANNED),
          "a disabled line", a -> a.withStatus(LineStatus.DISABLED),
          "an expired trial line", a -> a.withTrial(true).withExpDate(daysAgo(2)),
          "a line using all its connections", a -> a.withConnections(2, 2),
          "a line ending tomorrow", a -> a.withExpDate(daysFromNow(1)));

  private static Account account(String phrase) {
    UnaryOperator<Account> change = ACCOUNTS.get(phrase);
    if (change == null) {
      throw new IllegalArgumentException(
          "unknown account '" + phrase + "'; known: " + String.join(", ", ACCOUNTS.keySet()));
    }
    return change.apply(Account.active(USERNAME, PASSWORD).withConnections(0, 2));
  }

  private static String daysAgo(int days) {
    return Long.toString(Instant.now().minus(Duration.ofDays(days)).getEpochSecond());
  }

  private static String daysFromNow(int days) {
    return Long.toString(Instant.now().plus(Duration.ofDays(days)).getEpochSecond());
  }

  // ---- the network fault ------------------------------------------------------------------

  /** A phrase and what it does to the scenario; the first group, if any, is its argument. */
  private record Fault(Pattern phrase, Change apply) {}

  /** One change to the scenario: the builder, the phrase's argument, the panel family. */
  private interface Change {
    ScenarioSpec.Builder apply(ScenarioSpec.Builder b, String argument, PanelFamily family);
  }

  private static Fault fault(String regex, Change apply) {
    return new Fault(Pattern.compile(regex), apply);
  }

  private static final List<Fault> FAULTS =
      List.of(
          fault("no network fault", (b, x, family) -> b),
          fault(
              "odd field types",
              (b, x, family) -> b.settings(PanelSettings.defaults(family).withOddTypes(true))),
          fault("a hanging panel", (b, x, family) -> b.overlay("hang")),
          fault("a panel answering after (\\d+) ms", (b, ms, family) -> b.overlay("slow " + ms)),
          fault("a connection reset", (b, x, family) -> b.overlay("reset")),
          fault("an empty reply", (b, x, family) -> b.overlay("empty-reply")),
          fault(
              "an overloaded panel answering (\\d+)",
              (b, code, family) -> b.overlay("overloaded " + code)),
          fault(
              "Cloudflare answering (\\d+)", (b, code, family) -> b.overlay("cloudflare " + code)),
          fault(
              "a User-Agent filter answering (\\d+) to all but xciptv",
              (b, code, family) -> b.overlay("ua-filter " + code + " allow xciptv")),
          fault(
              "a User-Agent filter answering a web page to all but xciptv",
              (b, x, family) -> b.overlay("ua-filter html allow xciptv")),
          fault("a flood ban on this address", (b, x, family) -> b.overlay("flood banned")),
          fault(
              "flood protection banning after (\\d+) quick requests",
              (b, n, family) -> b.overlay("flood limit " + n + " gap 2000")),
          fault("a closed port", (b, x, family) -> b.target(ScenarioSpec.Target.CLOSED_PORT)),
          fault("a filtered port", (b, x, family) -> b.target(ScenarioSpec.Target.FILTERED_PORT)),
          fault(
              "a plain web server on the port typed",
              (b, x, family) -> b.target(ScenarioSpec.Target.WRONG_PORT)),
          fault("https typed for a plain HTTP port", (b, x, family) -> b.urlScheme("https")),
          fault(
              "http typed for a TLS port",
              (b, x, family) -> b.tls(TlsIdentity.SELF_SIGNED).urlScheme("http")),
          fault("a self-signed certificate", (b, x, family) -> b.tls(TlsIdentity.SELF_SIGNED)),
          fault("an expired certificate", (b, x, family) -> b.tls(TlsIdentity.EXPIRED)),
          fault("a certificate for another name", (b, x, family) -> b.tls(TlsIdentity.WRONG_NAME)),
          fault(
              "a panel that accepts only its own domain name",
              (b, x, family) -> b.overlay("verify-host real-panel.example.test")),
          fault(
              "an ISP resolver pointing to a block page", (b, x, family) -> b.systemDns("hijack")),
          fault(
              "an ISP resolver answering (NXDOMAIN|SERVFAIL|REFUSED|nothing)",
              (b, rcode, family) ->
                  b.systemDns(
                      rcode.equals("nothing")
                          ? "silence"
                          : rcode.toLowerCase(java.util.Locale.ROOT))),
          fault(
              "no resolver knowing the name",
              (b, x, family) -> b.systemDns("nxdomain").publicDns("nxdomain")),
          // the app's path: the system resolver's addresses, in order
          fault(
              "a system resolver answering 0.0.0.0",
              (b, x, family) -> b.systemDns("answer 0.0.0.0")),
          fault(
              "a system resolver giving an old address where nothing listens",
              (b, x, family) -> b.systemDns("answer 127.0.0.77")),
          fault(
              "a system resolver giving an old address another site now uses",
              (b, x, family) -> b.systemDns("reused")),
          fault(
              "a dead first address before the panel's",
              (b, x, family) ->
                  b.systemDns("answer 127.0.0.77,panel").publicDns("answer 127.0.0.77,panel")),
          fault(
              "no address for the name anywhere",
              (b, x, family) -> b.systemDns("nodata").publicDns("nodata")),
          fault(
              "the name an alias of a CDN name",
              (b, x, family) ->
                  b.systemDns("cname edge.cdn.example.test")
                      .publicDns("cname edge.cdn.example.test")
                      .name("edge.cdn.example.test", "answer panel")),
          fault(
              "the name an alias of a name that is gone",
              (b, x, family) ->
                  b.systemDns("cname gone.cdn.example.test")
                      .publicDns("cname gone.cdn.example.test")
                      .name("gone.cdn.example.test", "nxdomain")),
          fault("a panel listening on ::1 only", (b, x, family) -> b.panelAddress("::1")),
          // redirects, as the app follows them
          fault(
              "the panel moved to a new name",
              (b, x, family) -> {
                ScenarioSpec.Builder moved =
                    b.redirect("301 http://new-panel.example.test:{panelPort}")
                        .name("new-panel.example.test", "answer panel");
                return family == PanelFamily.XUI
                    ? moved.overlay("verify-host new-panel.example.test")
                    : moved;
              }),
          fault(
              "the panel moved to https",
              (b, x, family) ->
                  b.tls(TlsIdentity.SELF_SIGNED)
                      .urlScheme("http")
                      .redirect("301 https://panel.example.test:{panelPort}")),
          fault("a redirect to itself", (b, x, family) -> b.redirect("302 {self}")),
          fault(
              "a redirect to a name that is gone",
              (b, x, family) ->
                  b.redirect("302 http://gone.example.test:{panelPort}")
                      .name("gone.example.test", "nxdomain")),
          fault(
              "a redirect to a port where nothing listens",
              (b, x, family) -> b.redirect("302 http://panel.example.test:1")),
          fault(
              "a redirect into a private network",
              (b, x, family) -> b.redirect("302 http://10.255.255.1:{panelPort}")),
          // what the panel sends back, byte by byte
          fault(
              "an answer cut short after (\\d+) bytes",
              (b, n, family) -> b.overlay("truncated " + n)),
          fault("a (\\d+) GB answer", (b, n, family) -> b.overlay("hostile huge-body " + n + "g")),
          fault(
              "an endless chunked answer", (b, x, family) -> b.overlay("hostile endless-chunked")),
          fault("a gzip bomb for an answer", (b, x, family) -> b.overlay("hostile gzip-bomb")),
          fault(
              "an endless header line", (b, x, family) -> b.overlay("hostile endless-header-line")),
          fault("a million headers", (b, x, family) -> b.overlay("hostile many-headers")),
          fault("garbage bytes for an answer", (b, x, family) -> b.overlay("hostile garbage")),
          fault("an SSH server on the port typed", (b, x, family) -> b.overlay("hostile ssh")),
          fault(
              "a TLS port answering plain HTTP with an alert",
              (b, x, family) -> b.overlay("hostile tls-alert")),
          fault(
              "every answer sent with HTTP (\\d+)",
              (b, code, family) -> b.overlay("status " + code)),
          fault(
              "PHP warnings (before|after) the answer",
              (b, where, family) -> b.overlay("php-warnings " + where)),
          fault("a byte-order mark before the answer", (b, x, family) -> b.overlay("bom")));

  private static UnaryOperator<ScenarioSpec.Builder> fault(String phrase, PanelFamily family) {
    for (Fault f : FAULTS) {
      Matcher m = f.phrase().matcher(phrase);
      if (m.matches()) {
        String arg = m.groupCount() > 0 ? m.group(1) : "";
        return b -> f.apply().apply(b, arg, family);
      }
    }
    throw new IllegalArgumentException(
        "unknown network fault '"
            + phrase
            + "'; known: "
            + String.join(", ", FAULTS.stream().map(f -> f.phrase().pattern()).toList()));
  }

  /** The server field as typed, with the simulated URL filled in. */
  String typedServer(String url, String host, int port) {
    return serverTemplate
        .replace("{url}", url)
        .replace("{hostport}", host + ":" + port)
        .replace("{port}", Integer.toString(port))
        .replace("{space}", " ")
        .replace("{username}", typedUsername)
        .replace("{password}", typedPassword);
  }
}
