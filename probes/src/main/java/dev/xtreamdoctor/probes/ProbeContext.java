package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.PageSignals;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.facts.Fact;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import org.xbill.DNS.ResolverConfig;

/**
 * What the steps of one diagnosis share: the probes and settings to run them with, the one door
 * they observe through, and what the steps before learned (the addresses the app's login goes to,
 * the server it reached, how far it got).
 */
final class ProbeContext {
  private final ProbeSettings settings;
  private final ParsedServer server;
  private final long deadlineNanos;
  private final NetworkGate gate;
  private final PanelBudget budget;
  private final String username;
  private final Secret password;
  private final Observations seen;
  private final DnsProbe dns;
  private final TcpProbe tcp;
  private final TlsProbe tls;
  private final HttpLoginProbe http;
  private final LatencyProbe latency;
  private volatile Plan plan;
  private volatile HttpExchange.Target target;
  private volatile Reached reached = Reached.NOTHING;

  /**
   * Where the app's login goes: the addresses the system resolver gave, in its order (or the typed
   * literal), and the public resolvers' addresses, kept for comparison.
   */
  record Plan(List<InetAddress> appPath, String appRole, List<InetAddress> publicPath) {
    boolean disagree() {
      return !appPath.isEmpty()
          && !publicPath.isEmpty()
          && Collections.disjoint(appPath, publicPath);
    }
  }

  /** How far the app's path got. */
  enum Reached {
    /**
     * No address connected, or the one that did serves an ISP block page: no login was sent there.
     */
    NOTHING,
    /** An address took the connection (and the TLS handshake, for https): no login sent yet. */
    CONNECTED,
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

  ProbeContext(
      ProbeSettings settings,
      TlsTrust trust,
      NetworkGate gate,
      ParsedServer server,
      String username,
      Secret password,
      ScheduledExecutorService timer,
      long deadlineNanos,
      PageSignals pages,
      Redactor redactor,
      Observations seen) {
    this.settings = settings;
    this.server = server;
    this.deadlineNanos = deadlineNanos;
    this.gate = gate;
    this.username = username;
    this.password = password;
    this.seen = seen;
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

  ProbeSettings settings() {
    return settings;
  }

  ParsedServer server() {
    return server;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  NetworkGate gate() {
    return gate;
  }

  PanelBudget budget() {
    return budget;
  }

  String username() {
    return username;
  }

  Secret password() {
    return password;
  }

  DnsProbe dns() {
    return dns;
  }

  TcpProbe tcp() {
    return tcp;
  }

  TlsProbe tls() {
    return tls;
  }

  HttpLoginProbe http() {
    return http;
  }

  LatencyProbe latency() {
    return latency;
  }

  /** The addresses the DNS step chose, if it found any. */
  Optional<Plan> plan() {
    return Optional.ofNullable(plan);
  }

  void plan(Plan value) {
    plan = value;
  }

  /** The address of the app's path that took the connection, if one did. */
  Optional<HttpExchange.Target> target() {
    return Optional.ofNullable(target);
  }

  void target(HttpExchange.Target value) {
    target = value;
  }

  Reached reached() {
    return reached;
  }

  void reached(Reached value) {
    reached = value;
  }

  /** A fact observed, kept at once. */
  void observed(Fact fact) {
    seen.add(fact);
  }

  void observed(Collection<? extends Fact> facts) {
    seen.addAll(facts);
  }

  /** A probe's own problem (not a fact about the line), e.g. a resolver that cannot be read. */
  void problem(String probe, String detail) {
    seen.problem(probe, detail);
  }

  /** Runs a probe a step calls besides its own, through the same door (named, timed, guarded). */
  <T> Optional<T> guard(String probe, Callable<T> body) {
    return seen.guard(probe, body);
  }

  boolean credentialsGiven() {
    return username != null && password != null && !username.isBlank() && !password.isBlank();
  }

  /** Milliseconds left before the deadline, at least 1, at most {@code cap}. */
  int remainingMs(int cap) {
    return (int) Math.max(1, Math.min(cap, (deadlineNanos - System.nanoTime()) / 1_000_000));
  }

  HttpExchange.Target target(InetAddress address, String role) {
    return new HttpExchange.Target(
        server.scheme(), server.host(), server.urlHost(), server.port(), address, role);
  }

  /**
   * The resolvers to ask: the configured ones, or for the system role with none configured, the
   * device's own (read from the OS configuration: nothing is sent for this).
   */
  List<InetSocketAddress> resolvers(List<String> configured, boolean system) {
    List<InetSocketAddress> out = new ArrayList<>();
    if (configured.isEmpty() && system) {
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
  private List<InetAddress> hopAddresses(String host) throws IOException {
    List<InetSocketAddress> system = resolvers(settings.systemResolvers(), true);
    DnsResult r = dns.lookUp(host, system, List.of());
    return r.addresses(DnsProbe.SYSTEM);
  }
}
