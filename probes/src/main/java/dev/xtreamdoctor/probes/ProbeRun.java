package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.ProbeProblem;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.ResolverConfig;

/**
 * One diagnosis in flight: the chain input → DNS → TCP → TLS → login, with the block check and
 * latency samples beside it. Probes add facts here as they finish, so a deadline that cuts the run
 * short still leaves everything observed so far.
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
  private final List<Fact> facts = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Long> timings = new ConcurrentHashMap<>();

  ProbeRun(
      ProbeSettings settings,
      TlsTrust trust,
      TargetPolicy policy,
      ParsedServer server,
      DiagnoseRequest request,
      ExecutorService pool,
      ScheduledExecutorService timer,
      long startNanos) {
    this.settings = settings;
    this.server = server;
    this.pool = pool;
    this.deadlineNanos = startNanos + Duration.ofMillis(settings.totalMs()).toNanos();
    this.usernameFromUrl = request.username() == null && server.pastedUsername().isPresent();
    this.passwordFromUrl = request.password() == null && server.pastedPassword().isPresent();
    this.username = request.username() != null ? request.username() : server.pastedUsername().orElse(null);
    this.password = request.password() != null ? request.password() : server.pastedPassword().orElse(null);
    this.symptoms = request.symptoms().map(s -> s);
    this.gate = NetworkGate.create(settings.loopbackOnly(), policy);
    this.redactor = Redactor.of(password);
    this.budget = new PanelBudget(settings.requestBudget());
    this.dns = new DnsProbe(gate, Duration.ofMillis(Math.min(settings.dnsMs(), settings.totalMs())));
    this.tcp = new TcpProbe(gate, settings.connectMs());
    this.tls = new TlsProbe(gate, trust, settings.connectMs(), settings.readMs());
    this.http =
        new HttpLoginProbe(
            new HttpExchange(
                gate, trust, timer, settings.connectMs(), settings.readMs(), settings.maxBodyBytes(), settings.userAgent()),
            redactor);
    this.latency = new LatencyProbe(tcp, settings.latencySamples(), settings.connectMs());
  }

  PanelBudget budget() {
    return budget;
  }

  Map<String, Long> timings() {
    return Map.copyOf(timings);
  }

  List<Fact> inputFacts() {
    List<Fact> out = new ArrayList<>();
    out.add(scrubbed(server.input()));
    out.add(ServerInputParser.describe("username", username, usernameFromUrl));
    out.add(ServerInputParser.describe("password", password == null ? null : password.reveal(), passwordFromUrl));
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
    List<Fact> out;
    synchronized (facts) {
      out = new ArrayList<>(facts);
    }
    out.add(budget.fact());
    return out;
  }

  /** Where the login and the block check go, once DNS has answered. */
  private record Plan(HttpExchange.Target login, Optional<HttpExchange.Target> blockCheck) {}

  void probeNetwork() {
    pool.submit(
        () -> {
          try {
            http.warmUp(); // not a probe: a failure here shows again, as a ProbeProblem, at the login
          } catch (RuntimeException | LinkageError ignored) {
            // reported by the login itself
          }
        });
    Optional<Plan> plan = guard("dns", this::plan);
    if (plan.isEmpty()) {
      return;
    }
    HttpExchange.Target login = plan.get().login();
    Future<Optional<TcpConnect>> checkTcp =
        plan.get().blockCheck().map(t -> pool.submit(() -> guard("tcp", () -> connect(t)))).orElse(null);
    Optional<TcpConnect> loginTcp = guard("tcp", () -> connect(login));
    List<Future<?>> beside = new ArrayList<>();
    if (checkTcp != null) {
      beside.add(pool.submit(() -> blockCheckAfter(checkTcp, plan.get().blockCheck().get())));
    }
    if (loginTcp.isPresent() && loginTcp.get().outcome().equals(Outcome.TCP_CONNECTED)) {
      if (settings.latencySamples() > 0) {
        beside.add(
            pool.submit(
                () -> guard("latency", () -> latency.sample(login.address(), login.port(), deadlineNanos))
                    .ifPresent(facts::add)));
      }
      loginChain(login);
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
      return new Plan(target(a, "literal"), Optional.empty());
    }
    List<InetSocketAddress> system = resolvers(settings.systemResolvers(), true);
    List<InetSocketAddress> publicOnes = resolvers(settings.publicResolvers(), false);
    DnsResult result = dns.lookUp(server.host(), system, publicOnes);
    facts.addAll(result.answers());
    result.problems().forEach(p -> problem("dns", p));
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
    boolean disagree = !sys.isEmpty() && !pub.isEmpty() && Collections.disjoint(sys, pub);
    if (disagree) {
      // never send credentials to an address only the system resolver gave: it may be hijacked
      return new Plan(target(pub.get(0), DnsProbe.PUBLIC), Optional.of(target(sys.get(0), DnsProbe.SYSTEM)));
    }
    return sys.isEmpty()
        ? new Plan(target(pub.get(0), DnsProbe.PUBLIC), Optional.empty())
        : new Plan(target(sys.get(0), DnsProbe.SYSTEM), Optional.empty());
  }

  private List<InetSocketAddress> resolvers(List<String> configured, boolean system) {
    List<InetSocketAddress> out = new ArrayList<>();
    if (configured.isEmpty() && system) {
      // the device's own resolvers, read from the OS configuration: nothing is sent for this
      out.addAll(ResolverConfig.getCurrentConfig().servers());
      if (out.isEmpty()) {
        problem("dns", "no system resolver is configured on this device");
      }
      return out;
    }
    for (String r : configured) {
      try {
        out.add(ResolverAddress.parse(r));
      } catch (IllegalArgumentException e) {
        problem("dns", e.getMessage());
      }
    }
    return out;
  }

  private HttpExchange.Target target(InetAddress address, String role) {
    return new HttpExchange.Target(
        server.scheme(), server.host(), server.urlHost(), server.port(), address, role);
  }

  private TcpConnect connect(HttpExchange.Target t) throws Exception {
    TcpConnect c = tcp.connect(t.address(), t.port(), t.resolverRole(), TcpProbe.BEFORE_LOGIN, remainingMs(settings.connectMs()));
    facts.add(c);
    return c;
  }

  private void blockCheckAfter(Future<Optional<TcpConnect>> tcpFuture, HttpExchange.Target target) {
    try {
      Optional<TcpConnect> c = tcpFuture.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (c.isPresent() && c.get().outcome().equals(Outcome.TCP_CONNECTED)) {
        guard("http", () -> budget.send(null, () -> http.blockCheck(target, deadlineNanos)))
            .ifPresent(facts::add);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      problem("http", e);
    }
  }

  private void loginChain(HttpExchange.Target target) {
    if (server.https()) {
      Optional<TlsHandshake> hs =
          guard("tls", () -> tls.handshake(target.address(), target.port(), server.host(), server.input().hostKind()));
      hs.ifPresent(facts::add);
      if (hs.isEmpty() || !hs.get().outcome().equals(Outcome.TLS_OK)) {
        return; // never send credentials over a connection the app itself would refuse
      }
    }
    if (username == null || password == null || username.isBlank() || password.isBlank()) {
      return; // the input facts already say a credential is missing; a blank login only feeds flood counters
    }
    Optional<HttpLoginProbe.Login> first = attempt(target, username, password, "as_typed");
    if (first.isEmpty() || budget.stopped()) {
      return;
    }
    String trimmed = username.strip();
    if (!trimmed.equals(username) && !trimmed.isEmpty() && refused(first.get())) {
      attempt(target, trimmed, password.trimmed(), "trimmed");
    }
  }

  /** One login through the budget; notices a panel that answered before and now stays silent. */
  private Optional<HttpLoginProbe.Login> attempt(
      HttpExchange.Target target, String user, Secret pass, String variant) {
    boolean answeredBefore = budget.answeredBefore();
    Optional<HttpLoginProbe.Login> login =
        guard("http", () -> budget.send(user, () -> http.login(target, user, pass, variant, deadlineNanos)));
    if (login.isEmpty()) {
      return login;
    }
    HttpResponse r = login.get().response();
    facts.add(r);
    login.get().answer().ifPresent(facts::add);
    if (r.status() > 0) {
      budget.markAnswered();
    } else if (answeredBefore && SILENCE.contains(r.outcome())) {
      budget.stop("panel_went_silent");
      guard("tcp", () -> tcp.connect(target.address(), target.port(), target.resolverRole(), TcpProbe.AFTER_LOGIN, remainingMs(settings.connectMs())))
          .ifPresent(facts::add);
    }
    return login;
  }

  /** Outcomes that mean the panel no longer answers at all, as after a flood ban. */
  private static final java.util.Set<String> SILENCE =
      java.util.Set.of(Outcome.HTTP_TIMED_OUT, Outcome.HTTP_RESET, Outcome.HTTP_EMPTY_REPLY);

  private static boolean refused(HttpLoginProbe.Login login) {
    return login.answer().map(a -> a.outcome().equals(Outcome.PANEL_AUTH_REJECTED)).orElse(false)
        || login.response().signals().contains("xui_padded_404");
  }

  private int remainingMs(int cap) {
    return (int) Math.max(1, Math.min(cap, (deadlineNanos - System.nanoTime()) / 1_000_000));
  }

  /** Runs one probe; a crash becomes a ProbeProblem, never a fact about the user's line. */
  private <T> Optional<T> guard(String probe, Callable<T> body) {
    long start = System.nanoTime();
    try {
      return Optional.ofNullable(body.call());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception | LinkageError e) {
      problem(probe, e);
      return Optional.empty();
    } finally {
      timings.merge(probe, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  void problem(String probe, Throwable e) {
    NetworkRefusedException refused = NetworkRefusedException.findIn(e);
    if (refused instanceof TargetRefusedException) {
      problem(probe, refused.getMessage());
      return;
    }
    if (refused != null) {
      problem(probe, "the network gate " + refused.getMessage());
      return;
    }
    problem(probe, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private void problem(String probe, String detail) {
    facts.add(new ProbeProblem(probe, redactor.scrub(detail)));
  }
}
