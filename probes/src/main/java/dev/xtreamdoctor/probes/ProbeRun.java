package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.PageSignals;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.ServerInput;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import dev.xtreamdoctor.engine.facts.TlsHandshake;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.ResolverConfig;

/**
 * One diagnosis in flight, along the path the user's app takes: input → DNS (the system resolver's
 * addresses, with the public resolvers' for comparison) → TCP to each address in the app's order
 * until one connects → TLS → one login, its redirects followed as the app follows them; latency
 * samples beside it. Only when that path fails before reaching the panel does the login go once
 * more, through a public resolver's address, for comparison. Probes add facts here as they finish,
 * so a deadline that cuts the run short still leaves everything observed so far.
 */
final class ProbeRun {
  private final ProbeSettings settings;
  private final ParsedServer server;
  private final ExecutorService pool;
  private final long deadlineNanos;
  private final NetworkGate gate;
  private final Redactor redactor;
  private final PanelBudget budget;
  private final String username;
  private final Secret password;
  private final boolean usernameFromUrl;
  private final boolean passwordFromUrl;
  private final Optional<Fact> symptoms;
  private final DnsProbe dns;
  private final TcpProbe tcp;
  private final TlsProbe tls;
  private final HttpLoginProbe http;
  private final LatencyProbe latency;
  private final Observations seen;

  ProbeRun(
      ProbeSettings settings,
      TlsTrust trust,
      TargetPolicy policy,
      ParsedServer server,
      ProbeRequest request,
      ExecutorService pool,
      ScheduledExecutorService timer,
      long startNanos,
      PageSignals pages,
      ProbeListener listener) {
    this.settings = settings;
    this.server = server;
    this.pool = pool;
    this.deadlineNanos = startNanos + Duration.ofMillis(settings.totalMs()).toNanos();
    this.usernameFromUrl = request.username() == null && server.pastedUsername().isPresent();
    this.passwordFromUrl = request.password() == null && server.pastedPassword().isPresent();
    this.username =
        request.username() != null ? request.username() : server.pastedUsername().orElse(null);
    this.password =
        request.password() != null ? request.password() : server.pastedPassword().orElse(null);
    this.symptoms = request.symptoms().map(s -> s);
    this.gate = NetworkGate.create(settings.loopbackOnly(), policy);
    this.redactor = Redactor.of(password == null ? null : password.reveal());
    this.seen = new Observations(redactor, listener);
    this.budget = new PanelBudget(settings.requestBudget());
    this.dns =
        new DnsProbe(gate, Duration.ofMillis(Math.min(settings.dnsMs(), settings.totalMs())));
    this.tcp = new TcpProbe(gate, settings.connectMs());
    this.tls = new TlsProbe(gate, trust, settings.connectMs(), settings.readMs());
    this.http =
        new HttpLoginProbe(
            new HttpExchange(
                gate,
                trust,
                timer,
                settings.connectMs(),
                settings.readMs(),
                settings.maxBodyBytes(),
                settings.userAgent()),
            redactor,
            this::hopAddresses,
            pages);
    this.latency = new LatencyProbe(tcp, settings.latencySamples(), settings.connectMs());
  }

  /**
   * The username the login uses (typed, or from a pasted link), or "" when none: never the
   * password.
   */
  String username() {
    return username == null ? "" : username;
  }

  PanelBudget budget() {
    return budget;
  }

  /** The first refusal of the target policy, kept typed for callers that must say "refused". */
  Optional<TargetRefusedException> refused() {
    return seen.refused();
  }

  Map<String, Long> timings() {
    return seen.timings();
  }

  List<Fact> inputFacts() {
    List<Fact> out = new ArrayList<>();
    out.add(scrubbed(server.input()));
    out.add(CredentialInputs.describe("username", username, usernameFromUrl));
    out.add(
        CredentialInputs.describe(
            "password", password == null ? null : password.reveal(), passwordFromUrl));
    symptoms.ifPresent(out::add);
    return out;
  }

  /** The typed server text with the password masked, even if it was typed in the wrong field. */
  private ServerInput scrubbed(ServerInput in) {
    return new ServerInput(
        redactor.scrub(in.typed()),
        in.outcome(),
        in.scheme(),
        redactor.scrub(in.host()),
        in.port(),
        in.schemeGiven(),
        in.portGiven(),
        in.hostKind(),
        in.pastedForm(),
        redactor.scrub(in.baseUrl()),
        in.cleanups());
  }

  List<Fact> networkFactsSoFar() {
    List<Fact> out = seen.snapshot();
    out.add(budget.fact());
    return out;
  }

  /**
   * Where the app's login goes: the addresses the system resolver gave, in its order (or the typed
   * literal), and the public resolvers' addresses, kept for comparison.
   */
  private record Plan(List<InetAddress> appPath, String appRole, List<InetAddress> publicPath) {
    boolean disagree() {
      return !appPath.isEmpty()
          && !publicPath.isEmpty()
          && Collections.disjoint(appPath, publicPath);
    }
  }

  /** How far the app's path got. */
  private enum Reached {
    /**
     * No address connected, or the one that did serves an ISP block page: no login was sent there.
     */
    NOTHING,
    /** A server connected but the TLS handshake failed: no login was sent. */
    TLS_FAILED,
    /**
     * The login was sent to an address only the system resolver gave, and what answered there is
     * plainly another server (a web server's 404 or default page, a block page, no HTTP at all):
     * the panel has seen no login yet.
     */
    OTHER_SERVER,
    /** The login was sent. */
    LOGIN
  }

  void probeNetwork() {
    pool.submit(
        () -> {
          try {
            http.warmUp(); // not a probe: a failure here shows again, as a ProbeProblem, at the
            // login
          } catch (RuntimeException | LinkageError ignored) {
            // reported by the login itself
          }
        });
    Optional<Plan> plan = seen.step("dns", () -> seen.guard("dns", this::plan));
    if (plan.isEmpty()) {
      return;
    }
    List<Future<?>> beside = new ArrayList<>();
    Reached reached = Reached.NOTHING;
    Optional<HttpExchange.Target> app =
        seen.step(
            "tcp",
            () ->
                seen.guard(
                    "tcp", () -> connectInOrder(plan.get().appPath(), plan.get().appRole())));
    if (app.isPresent()) {
      HttpExchange.Target target = app.get();
      if (settings.latencySamples() > 0) {
        beside.add(
            pool.submit(
                () ->
                    seen.guard(
                            "latency",
                            () -> latency.sample(target.address(), target.port(), deadlineNanos))
                        .ifPresent(seen::add)));
      }
      reached = appChain(target, plan.get().disagree());
    }
    if (reached == Reached.NOTHING
        || (reached == Reached.TLS_FAILED || reached == Reached.OTHER_SERVER)
            && plan.get().disagree()) {
      seen.step(
          "comparison",
          () -> {
            comparison(plan.get());
            return null;
          });
    }
    for (Future<?> f : beside) {
      try {
        f.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        f.cancel(true);
      }
    }
  }

  private Plan plan() throws Exception {
    String kind = server.input().hostKind();
    if (!kind.equals("name")) {
      // an IP literal: nothing to resolve; InetAddress parses it without a lookup
      InetAddress a = InetAddress.getByName(server.host());
      gate.screen(a, server.port());
      return new Plan(List.of(a), "literal", List.of());
    }
    List<InetSocketAddress> system = resolvers(settings.systemResolvers(), true);
    List<InetSocketAddress> publicOnes = resolvers(settings.publicResolvers(), false);
    DnsResult result = dns.lookUp(server.host(), system, publicOnes);
    seen.addAll(result.answers());
    result.problems().forEach(p -> seen.problem("dns", p));
    List<InetAddress> sys = result.addresses(DnsProbe.SYSTEM);
    List<InetAddress> pub = result.addresses(DnsProbe.PUBLIC);
    if (sys.isEmpty() && pub.isEmpty()) {
      return null;
    }
    // every answer, not only the one used: a name that also points inside is refused outright
    for (InetAddress a : sys) {
      gate.screen(a, server.port());
    }
    for (InetAddress a : pub) {
      gate.screen(a, server.port());
    }
    return new Plan(sys, DnsProbe.SYSTEM, pub);
  }

  private List<InetSocketAddress> resolvers(List<String> configured, boolean system) {
    List<InetSocketAddress> out = new ArrayList<>();
    if (configured.isEmpty() && system) {
      // the device's own resolvers, read from the OS configuration: nothing is sent for this
      out.addAll(ResolverConfig.getCurrentConfig().servers());
      if (out.isEmpty()) {
        seen.problem("dns", "no system resolver is configured on this device");
      }
      return out;
    }
    for (String r : configured) {
      try {
        out.add(ResolverAddress.parse(r));
      } catch (IllegalArgumentException e) {
        seen.problem("dns", e.getMessage());
      }
    }
    return out;
  }

  /** The system resolver's addresses for a host a redirect leads to (the app's path again). */
  private List<InetAddress> hopAddresses(String host) throws java.io.IOException {
    List<InetSocketAddress> system = resolvers(settings.systemResolvers(), true);
    DnsResult r = dns.lookUp(host, system, List.of());
    return r.addresses(DnsProbe.SYSTEM);
  }

  private HttpExchange.Target target(InetAddress address, String role) {
    return new HttpExchange.Target(
        server.scheme(), server.host(), server.urlHost(), server.port(), address, role);
  }

  /**
   * Connects to each address in turn, as the app does, until one takes the connection: a fact per
   * address tried. The target is the first that connected, or null.
   */
  private HttpExchange.Target connectInOrder(List<InetAddress> addresses, String role)
      throws Exception {
    int order = 0;
    for (InetAddress a : addresses) {
      if (System.nanoTime() >= deadlineNanos || order >= MAX_ADDRESSES) {
        return null;
      }
      TcpConnect c =
          tcp.connect(
              a,
              server.port(),
              role,
              TcpProbe.BEFORE_LOGIN,
              remainingMs(settings.connectMs()),
              ++order);
      seen.add(c);
      if (c.outcome().equals(Outcome.TCP_CONNECTED)) {
        return target(a, role);
      }
    }
    return null;
  }

  /** Addresses tried on one path at most: the app tries them all, the deadline would not. */
  private static final int MAX_ADDRESSES = 8;

  /**
   * The app's path from a connected address: where resolvers disagree, a credential-free look at it
   * first (an ISP block server gets no credentials: the app would get its block page); then TLS,
   * and the one login, redirects followed.
   */
  private Reached appChain(HttpExchange.Target target, boolean disagree) {
    if (disagree) {
      Optional<HttpResponse> look =
          seen.guard("http", () -> budget.send(null, () -> http.blockCheck(target, deadlineNanos)));
      look.ifPresent(seen::add);
      if (look.isPresent() && look.get().status() > 0) {
        budget.markAnswered();
      }
      if (look.isPresent() && look.get().signals().contains("block_page")) {
        return Reached.NOTHING;
      }
    }
    if (server.https()) {
      Optional<TlsHandshake> hs =
          seen.step(
              "tls",
              () -> {
                Optional<TlsHandshake> done =
                    seen.guard(
                        "tls",
                        () ->
                            tls.handshake(
                                target.address(),
                                target.port(),
                                server.host(),
                                server.input().hostKind()));
                done.ifPresent(seen::add);
                return done;
              });
      if (hs.isEmpty() || !hs.get().outcome().equals(Outcome.TLS_OK)) {
        return Reached
            .TLS_FAILED; // never send credentials over a connection the app itself would refuse
      }
    }
    if (!credentialsGiven()) {
      return Reached
          .LOGIN; // the input facts already say a credential is missing; a blank login only feeds
      // flood counters
    }
    Optional<HttpResponse> answer = seen.step("login", () -> attempt(target, HttpLoginProbe.LOGIN));
    return disagree && answer.isPresent() && otherServer(answer.get())
        ? Reached.OTHER_SERVER
        : Reached.LOGIN;
  }

  /**
   * An answer no panel (nor anything in front of one) gives: a web server's own 404 or default
   * page, an ISP block page, or bytes that are no HTTP. Observed on the wire, not judged: the rules
   * decide what the comparison that follows means.
   */
  private static boolean otherServer(HttpResponse r) {
    if (r.hop() > 0
        || r.signals().contains("user_info")
        || r.signals().contains("xui_padded_404")) {
      return false;
    }
    return r.outcome().equals(Outcome.HTTP_NOT_HTTP)
        || r.signals().contains("block_page")
        || r.signals().contains("web_server_default_page")
        || r.status() == 404;
  }

  private boolean credentialsGiven() {
    return username != null && password != null && !username.isBlank() && !password.isBlank();
  }

  /**
   * The app's path failed before reaching the panel: the same login once through a public
   * resolver's address (if it gave one the app's path did not try), within the budget, so the rules
   * can tell "the user's DNS leads nowhere" from "the panel is down".
   */
  private void comparison(Plan plan) {
    List<InetAddress> others = new ArrayList<>(plan.publicPath());
    others.removeAll(plan.appPath());
    if (others.isEmpty() || !credentialsGiven() || budget.stopped()) {
      return;
    }
    Optional<HttpExchange.Target> target =
        seen.guard("tcp", () -> connectInOrder(others, DnsProbe.PUBLIC));
    target.ifPresent(t -> attempt(t, HttpLoginProbe.PUBLIC_LOGIN));
  }

  /**
   * One login through the budget. A login met by silence is followed by one more TCP connect (no
   * request, nothing a panel counts): a panel that now drops connections has just banned this
   * address. A panel that answered before in this diagnosis and now stays silent stops the run.
   */
  private Optional<HttpResponse> attempt(HttpExchange.Target target, String purpose) {
    boolean answeredBefore = budget.answeredBefore();
    Optional<HttpLoginProbe.Login> login =
        seen.guard(
            "http", () -> http.login(target, purpose, username, password, budget, deadlineNanos));
    if (login.isEmpty() || login.get().last() == null) {
      return Optional.empty();
    }
    seen.addAll(login.get().responses());
    login.get().answer().ifPresent(seen::add);
    HttpResponse r = login.get().last();
    if (r.status() > 0) {
      budget.markAnswered();
    } else if (SILENCE.contains(r.outcome()) && r.hop() == 0) {
      if (answeredBefore) {
        budget.stop("panel_went_silent");
      }
      if (remainingMs(Integer.MAX_VALUE) < settings.connectMs()) {
        return Optional.of(
            r); // a connect cut short by the deadline would time out for our own reason
      }
      seen.guard(
              "tcp",
              () ->
                  tcp.connect(
                      target.address(),
                      target.port(),
                      target.resolverRole(),
                      TcpProbe.AFTER_LOGIN,
                      settings.connectMs(),
                      0))
          .ifPresent(seen::add);
    }
    return Optional.of(r);
  }

  /** Outcomes that mean the panel no longer answers at all, as after a flood ban. */
  private static final java.util.Set<String> SILENCE =
      java.util.Set.of(Outcome.HTTP_TIMED_OUT, Outcome.HTTP_RESET, Outcome.HTTP_EMPTY_REPLY);

  private int remainingMs(int cap) {
    return (int) Math.max(1, Math.min(cap, (deadlineNanos - System.nanoTime()) / 1_000_000));
  }

  /** A crash of a probe, or the diagnoser's own: a ProbeProblem, never a fact about the line. */
  void problem(String probe, Throwable e) {
    seen.problem(probe, e);
  }
}
