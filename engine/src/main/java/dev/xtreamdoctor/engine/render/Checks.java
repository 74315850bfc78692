package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Diagnosis.FindingView;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.ReportWords;
import dev.xtreamdoctor.engine.facts.CauseRun;
import dev.xtreamdoctor.engine.facts.CredentialInput;
import dev.xtreamdoctor.engine.facts.DnsAnswer;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HourOutcome;
import dev.xtreamdoctor.engine.facts.HourSummary;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.Latency;
import dev.xtreamdoctor.engine.facts.LoginAnswer;
import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.PanelRequests;
import dev.xtreamdoctor.engine.facts.ProbeProblem;
import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.engine.facts.ServerInput;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import dev.xtreamdoctor.engine.facts.TlsHandshake;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import dev.xtreamdoctor.engine.facts.WatchSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sorts a diagnosis into one check per layer, in the order a login crosses them. Describes what was
 * observed; it never judges: the marks come from the rules' findings alone.
 */
public final class Checks {
  private Checks() {}

  /** Layer name to the label shown, in login order. Symptoms show only when reported. */
  static final Map<String, String> LABELS = Vocabulary.LAYER_LABELS;

  static List<Check> of(Diagnosis d) {
    if (d.facts().stream().anyMatch(WatchSpan.class::isInstance)
        && d.facts().stream().allMatch(Checks::overTime)) {
      return overTime(d).stream().toList();
    }
    List<Check> checks = new ArrayList<>();
    boolean faultBefore = false;
    for (Map.Entry<String, String> e : LABELS.entrySet()) {
      String layer = e.getKey();
      List<Fact> facts = d.facts().stream().filter(f -> layersOf(f).contains(layer)).toList();
      List<FindingView> findings =
          d.findings().stream().filter(f -> layerOrOther(f.layer()).equals(layer)).toList();
      if (layer.equals("symptoms") && facts.isEmpty() && findings.isEmpty()) {
        continue;
      }
      Check.State state = state(facts, findings, faultBefore);
      if (layer.equals("tls") && facts.isEmpty() && findings.isEmpty() && usesPlainHttp(d)) {
        state = Check.State.NONE; // nothing to check: plain http has no TLS layer
      }
      checks.add(
          new Check(
              layer,
              d.words().layer(layer),
              state,
              status(layer, facts, d),
              detail(layer, facts),
              facts,
              findings));
      faultBefore |= state == Check.State.FAULT;
    }
    return checks;
  }

  /** Whether a fact summarises a watch rather than observes one login. */
  static boolean overTime(Fact f) {
    return f instanceof WatchSpan
        || f instanceof HourSummary
        || f instanceof HourOutcome
        || f instanceof CauseRun;
  }

  /**
   * A diagnosis of a watch's history alone has no layers to walk: one check, "Over time", with
   * every finding under it.
   */
  private static java.util.Optional<Check> overTime(Diagnosis d) {
    return first(d.facts(), WatchSpan.class)
        .map(
            span ->
                new Check(
                    "watch",
                    d.words().layer("watch"),
                    state(d.facts(), d.findings(), false),
                    d.words()
                        .say(
                            "status.watch",
                            "checks",
                            span.checks(),
                            "first",
                            span.firstLocal(),
                            "last",
                            span.lastLocal()),
                    "",
                    d.facts(),
                    d.findings()));
  }

  /** Findings on a layer this renderer does not know are shown with the symptoms. */
  private static String layerOrOther(String layer) {
    return LABELS.containsKey(layer) ? layer : "symptoms";
  }

  private static Check.State state(
      List<Fact> facts, List<FindingView> findings, boolean faultBefore) {
    if (has(findings, "error")) {
      return Check.State.FAULT;
    }
    if (has(findings, "warning")) {
      return Check.State.WARNING;
    }
    if (has(findings, "unchecked") || facts.stream().anyMatch(f -> f instanceof ProbeProblem)) {
      return Check.State.UNCHECKED;
    }
    if (!facts.isEmpty()) {
      return Check.State.OK;
    }
    return faultBefore ? Check.State.UNCHECKED : Check.State.NONE;
  }

  private static boolean has(List<FindingView> findings, String severity) {
    return findings.stream().anyMatch(f -> f.severity().equals(severity));
  }

  /** The layers a fact tells about. */
  public static List<String> layersOf(Fact fact) {
    if (fact instanceof ServerInput || fact instanceof CredentialInput) {
      return List.of("input");
    }
    if (fact instanceof DnsAnswer) {
      return List.of("dns");
    }
    if (fact instanceof TcpConnect || fact instanceof Latency) {
      return List.of("tcp");
    }
    if (fact instanceof TlsHandshake) {
      return List.of("tls");
    }
    if (fact instanceof HttpResponse) {
      return List.of("http");
    }
    if (fact instanceof LoginAnswer l) {
      return Outcome.PANEL_LOGIN_OK.equals(l.outcome())
          ? List.of("login", "account")
          : List.of("login");
    }
    if (fact instanceof PanelRequests) {
      return List.of(); // the politeness budget: about the doctor, not about any layer
    }
    if (fact instanceof ReportedSymptoms) {
      return List.of("symptoms");
    }
    if (fact instanceof ProbeProblem p) {
      return List.of(p.probe().equals("latency") ? "tcp" : p.probe());
    }
    return List.of();
  }

  /** A few words on what was observed at a layer, or "" when nothing was. */
  private static String status(String layer, List<Fact> facts, Diagnosis d) {
    return status(layer, facts, d.facts(), d.words());
  }

  /**
   * A few words on what was observed at a layer, or "" when nothing was: the facts of the layer,
   * all facts (for what decides whether a layer applies), and the words to say it in. Describes;
   * never judges.
   */
  public static String status(String layer, List<Fact> facts, List<Fact> all, ReportWords w) {
    if (facts.isEmpty()) {
      return layer.equals("tls") && usesPlainHttp(all) ? w.say("status.tls.plain_http") : "";
    }
    String s =
        switch (layer) {
          case "input" ->
              first(facts, ServerInput.class)
                  .map(i -> i.baseUrl().isEmpty() ? i.typed() : i.baseUrl() + unicodeForm(i.host()))
                  .orElse("");
          case "dns" -> dns(facts, w);
          case "tcp" -> tcp(facts).map(t -> tcp(t, w)).orElse("");
          case "tls" ->
              first(facts, TlsHandshake.class).map(t -> w.outcome(t.outcome())).orElse("");
          case "http" -> http(facts, w);
          case "login" -> first(facts, LoginAnswer.class).map(l -> login(l, w)).orElse("");
          case "account" -> first(facts, LoginAnswer.class).map(l -> account(l, w)).orElse("");
          case "symptoms" ->
              first(facts, ReportedSymptoms.class)
                  .map(
                      r ->
                          r.appMessage().isEmpty()
                              ? ""
                              : w.say(
                                  "status.symptoms.app", "message", appWords(r.appMessage(), w)))
                  .orElse("");
          default -> "";
        };
    return Redactor.maskUrl(s);
  }

  /**
   * The technical line of a layer, for {@code -v}: outcome codes, raw fields and unix times as the
   * facts hold them (JSON has them all).
   */
  static String detail(String layer, List<Fact> facts) {
    List<String> parts = new ArrayList<>();
    for (Fact f : facts) {
      String p = "";
      if (f instanceof DnsAnswer a) {
        p =
            a.resolverRole()
                + " "
                + a.resolver()
                + " "
                + a.recordType()
                + " "
                + a.outcome()
                + (a.rcode().isEmpty() ? "" : " " + a.rcode())
                + (a.addresses().isEmpty() ? "" : " " + String.join(",", a.addresses()))
                + " "
                + a.millis()
                + "ms";
      } else if (f instanceof TcpConnect t) {
        p =
            t.address()
                + ":"
                + t.port()
                + " "
                + t.outcome()
                + " "
                + t.millis()
                + "ms"
                + (t.stage().isEmpty() ? "" : " " + t.stage());
      } else if (f instanceof TlsHandshake t) {
        p = t.outcome() + " " + t.millis() + "ms" + (t.detail().isEmpty() ? "" : " " + t.detail());
      } else if (f instanceof HttpResponse h) {
        p =
            (h.purpose().isEmpty() ? "" : h.purpose() + " ")
                + h.outcome()
                + (h.status() > 0 ? " " + h.status() : "")
                + (h.bodyShape().isEmpty() ? "" : " " + h.bodyShape())
                + " "
                + h.bodyBytes()
                + "B "
                + h.millis()
                + "ms"
                + (h.hop() > 0 ? " hop " + h.hop() : "")
                + (h.signals().isEmpty() ? "" : " " + String.join(",", h.signals()));
      } else if (f instanceof LoginAnswer l) {
        p =
            layer.equals("account")
                ? "status "
                    + l.status()
                    + " exp_date "
                    + l.expDate()
                    + " timestamp_now "
                    + l.serverTime()
                    + " active_cons "
                    + l.activeConnections()
                    + " max_connections "
                    + l.maxConnections()
                    + (l.trial() ? " is_trial 1" : "")
                : l.outcome()
                    + " auth "
                    + l.auth()
                    + (l.panelFamily().isEmpty() ? "" : " " + l.panelFamily());
      } else if (f instanceof ServerInput i) {
        p =
            i.outcome()
                + " "
                + i.scheme()
                + " "
                + i.hostKind()
                + (i.pastedForm().isEmpty() ? "" : " " + i.pastedForm());
      } else if (f instanceof ProbeProblem pp) {
        p = "problem " + pp.probe();
      }
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    return Redactor.maskUrl(String.join("; ", parts));
  }

  /** The connect that reached the server says most; else the first attempt. */
  private static java.util.Optional<TcpConnect> tcp(List<Fact> facts) {
    return facts.stream()
        .filter(f -> f instanceof TcpConnect)
        .map(f -> (TcpConnect) f)
        .sorted(
            java.util.Comparator.comparing(
                (TcpConnect t) -> !t.outcome().equals(Outcome.TCP_CONNECTED)))
        .findFirst();
  }

  private static String tcp(TcpConnect t, ReportWords w) {
    return t.outcome().equals(Outcome.TCP_CONNECTED)
        ? w.say(
            "status.tcp.connected", "address", t.address(), "port", t.port(), "millis", t.millis())
        : w.say(
            "status.tcp.failed",
            "address",
            t.address(),
            "port",
            t.port(),
            "outcome",
            w.outcome(t.outcome()),
            "millis",
            t.millis());
  }

  /** What the app shows, in its own words when the catalogue lists them. */
  private static String appWords(String code, ReportWords w) {
    return w.app(code);
  }

  /**
   * An internationalised host is looked up as punycode ({@code xn--bcher-kva.example}); beside it,
   * the name as the user typed and reads it ({@code bücher.example}), so a look-alike shows.
   */
  static String unicodeForm(String host) {
    if (!host.startsWith("xn--") && !host.contains(".xn--")) {
      return "";
    }
    try {
      String unicode = java.net.IDN.toUnicode(host);
      return unicode.equals(host) ? "" : " = " + unicode;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static boolean usesPlainHttp(List<Fact> facts) {
    return facts.stream().anyMatch(f -> f instanceof ServerInput i && i.scheme().equals("http"));
  }

  private static boolean usesPlainHttp(Diagnosis d) {
    return usesPlainHttp(d.facts());
  }

  /** The system resolver's answer (else the first): the addresses, or what went wrong, in words. */
  private static String dns(List<Fact> facts, ReportWords w) {
    List<DnsAnswer> answers =
        facts.stream().filter(f -> f instanceof DnsAnswer).map(f -> (DnsAnswer) f).toList();
    DnsAnswer a =
        answers.stream()
            .filter(x -> x.resolverRole().equals("system") && !x.addresses().isEmpty())
            .findFirst()
            .or(() -> answers.stream().filter(x -> x.resolverRole().equals("system")).findFirst())
            .orElse(answers.isEmpty() ? null : answers.get(0));
    if (a == null) {
      return "";
    }
    String what =
        a.addresses().isEmpty()
            ? w.outcome(a.outcome())
            : String.join(", ", a.addresses().subList(0, Math.min(2, a.addresses().size())));
    return a.aliases().isEmpty()
        ? w.say("status.dns.answered", "host", a.host(), "addresses", what)
        : w.say(
            "status.dns.alias",
            "host",
            a.host(),
            "alias",
            String.join(" → ", a.aliases()),
            "addresses",
            what);
  }

  /**
   * The app's login (its last exchange, after redirects); else the comparison through a public
   * address.
   */
  private static String http(List<Fact> facts, ReportWords w) {
    List<HttpResponse> all =
        facts.stream().filter(f -> f instanceof HttpResponse).map(f -> (HttpResponse) f).toList();
    return all.stream()
        .filter(h -> h.purpose().equals("login") || h.purpose().isEmpty())
        .reduce((first, later) -> later.hop() > first.hop() ? later : first)
        .or(() -> all.stream().filter(h -> h.purpose().equals("public_login")).findFirst())
        .map(
            h ->
                (h.outcome().equals(Outcome.HTTP_STATUS)
                        ? w.say(
                            h.status() >= 400
                                ? "status.http.answered.error"
                                : "status.http.answered",
                            "status",
                            h.status(),
                            "millis",
                            h.millis())
                        : w.outcome(h.outcome()))
                    + (h.hop() > 0 ? w.say("status.http.redirected", "hops", h.hop()) : "")
                    + (h.purpose().equals("public_login") ? w.say("status.http.public") : ""))
        .orElse("");
  }

  private static String login(LoginAnswer l, ReportWords w) {
    return switch (l.outcome()) {
      case Outcome.PANEL_LOGIN_OK -> w.say("status.login.accepted");
      case Outcome.PANEL_AUTH_REJECTED -> w.say("status.login.refused");
      case Outcome.PANEL_ANSWER_UNEXPECTED -> w.say("status.login.unexpected");
      case Outcome.PANEL_ANSWER_MALFORMED -> w.say("status.login.malformed");
      default -> w.outcome(l.outcome());
    };
  }

  private static String account(LoginAnswer l, ReportWords w) {
    String ends =
        l.expDate() == 0
            ? w.say("status.account.no_end")
            : w.say(
                l.serverTime() > 0 && l.expDate() < l.serverTime()
                    ? "status.account.ended"
                    : "status.account.ends",
                "date",
                w.date(l.expDate()));
    if (l.trial()) {
      ends = w.say("status.account.trial", "ends", ends);
    }
    String cons =
        l.maxConnections() == 0
            ? ""
            : w.say(
                "status.account.connections",
                "max",
                l.maxConnections(),
                "active",
                l.activeConnections());
    return w.say("status.account", "status", l.status(), "ends", ends, "connections", cons);
  }

  private static <T> java.util.Optional<T> first(List<Fact> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
