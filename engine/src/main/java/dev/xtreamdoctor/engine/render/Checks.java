package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Diagnosis.FindingView;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.facts.CredentialInput;
import dev.xtreamdoctor.engine.facts.DnsAnswer;
import dev.xtreamdoctor.engine.facts.CauseRun;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HourOutcome;
import dev.xtreamdoctor.engine.facts.HourSummary;
import dev.xtreamdoctor.engine.facts.WatchSpan;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sorts a diagnosis into one check per layer, in the order a login crosses them. Describes what was
 * observed; it never judges: the marks come from the rules' findings alone.
 */
final class Checks {
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
      checks.add(new Check(layer, e.getValue(), state, status(layer, facts, d), facts, findings));
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
                    "Over time",
                    state(d.facts(), d.findings(), false),
                    span.checks()
                        + (span.checks() == 1 ? " check, " : " checks, ")
                        + span.firstLocal()
                        + " → "
                        + span.lastLocal(),
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
  static List<String> layersOf(Fact fact) {
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
    if (facts.isEmpty()) {
      return layer.equals("tls") && usesPlainHttp(d) ? "not used: http" : "";
    }
    String s =
        switch (layer) {
          case "input" ->
              first(facts, ServerInput.class)
                  .map(i -> i.baseUrl().isEmpty() ? i.typed() : i.baseUrl() + unicodeForm(i.host()))
                  .orElse("");
          case "dns" -> dns(facts);
          case "tcp" ->
              facts.stream()
                  .filter(f -> f instanceof TcpConnect)
                  .map(f -> (TcpConnect) f)
                  // The connect that reached the server says most; else the first attempt.
                  .sorted(
                      java.util.Comparator.comparing(
                          (TcpConnect t) -> !t.outcome().equals(Outcome.TCP_CONNECTED)))
                  .findFirst()
                  .map(
                      t ->
                          t.address()
                              + ":"
                              + t.port()
                              + " "
                              + word(t.outcome())
                              + ", "
                              + t.millis()
                              + " ms")
                  .orElse("");
          case "tls" -> first(facts, TlsHandshake.class).map(t -> word(t.outcome())).orElse("");
          case "http" -> http(facts);
          case "login" -> first(facts, LoginAnswer.class).map(Checks::login).orElse("");
          case "account" -> first(facts, LoginAnswer.class).map(Checks::account).orElse("");
          case "symptoms" ->
              first(facts, ReportedSymptoms.class)
                  .map(r -> r.appMessage().isEmpty() ? "" : "app shows " + r.appMessage())
                  .orElse("");
          default -> "";
        };
    return Redactor.maskUrl(s);
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

  private static boolean usesPlainHttp(Diagnosis d) {
    return d.facts().stream()
        .anyMatch(f -> f instanceof ServerInput i && i.scheme().equals("http"));
  }

  private static String dns(List<Fact> facts) {
    List<DnsAnswer> answers =
        facts.stream().filter(f -> f instanceof DnsAnswer).map(f -> (DnsAnswer) f).toList();
    DnsAnswer a =
        answers.stream()
            .filter(x -> x.resolverRole().equals("system"))
            .findFirst()
            .orElse(answers.isEmpty() ? null : answers.get(0));
    if (a == null) {
      return "";
    }
    String what =
        a.addresses().isEmpty()
            ? word(a.outcome())
            : String.join(", ", a.addresses().subList(0, Math.min(2, a.addresses().size())));
    return a.host() + " → " + what;
  }

  /** The app's login (its last exchange, after redirects); else the comparison through a public address. */
  private static String http(List<Fact> facts) {
    List<HttpResponse> all =
        facts.stream().filter(f -> f instanceof HttpResponse).map(f -> (HttpResponse) f).toList();
    return all.stream()
        .filter(h -> h.purpose().equals("login") || h.purpose().isEmpty())
        .findFirst()
        .or(() -> all.stream().filter(h -> h.purpose().equals("public_login")).findFirst())
        .map(
            h ->
                (h.outcome().equals(Outcome.HTTP_STATUS)
                        ? "status "
                            + h.status()
                            + (h.bodyShape().isEmpty() ? "" : ", " + h.bodyShape())
                            + ", "
                            + h.millis()
                            + " ms"
                        : word(h.outcome()))
                    + (h.hop() > 0 ? ", after " + h.hop() + (h.hop() == 1 ? " redirect" : " redirects") : "")
                    + (h.purpose().equals("public_login") ? ", through a public resolver's address" : ""))
        .orElse("");
  }

  private static String login(LoginAnswer l) {
    String auth = l.auth() < 0 ? "" : "auth " + l.auth();
    String family =
        l.panelFamily().isEmpty() || l.panelFamily().equals("unknown") ? "" : l.panelFamily();
    return join(word(l.outcome()), auth, family);
  }

  private static String account(LoginAnswer l) {
    String expires =
        l.expDate() == 0
            ? "no end date"
            : "ends " + Instant.ofEpochSecond(l.expDate()).atOffset(ZoneOffset.UTC).toLocalDate();
    String cons =
        l.maxConnections() == 0
            ? ""
            : l.activeConnections() + " of " + l.maxConnections() + " connections in use";
    return join(l.status(), l.trial() ? "trial" : "", expires, cons);
  }

  private static String join(String... parts) {
    return java.util.Arrays.stream(parts)
        .filter(p -> !p.isEmpty())
        .collect(Collectors.joining(", "));
  }

  /** "tcp.timed_out" reads as "timed out". */
  private static String word(String outcome) {
    int dot = outcome.indexOf('.');
    return (dot < 0 ? outcome : outcome.substring(dot + 1)).replace('_', ' ').replace('.', ' ');
  }

  private static <T> java.util.Optional<T> first(List<Fact> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
