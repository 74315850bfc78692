package dev.xtreamdoctor.engine.watch;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.facts.DnsAnswer;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.LoginAnswer;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import dev.xtreamdoctor.engine.facts.TlsHandshake;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One check of a watch, as a history line keeps it: when, what the diagnosis said, how long each
 * phase took, and what the panel said of the account. Never the password: built from a diagnosis,
 * whose facts describe credentials by their properties only.
 *
 * @param time when the check started, in the watcher's local time (its offset kept)
 * @param category the diagnosis's category
 * @param cause its deciding cause
 * @param layer the layer of that cause ({@code ""} when the diagnosis had no finding for it)
 * @param title the deciding cause's title, as the diagnosis worded it
 * @param phases how long each phase took
 * @param account what the panel said of the account, if it answered the login
 */
public record CheckRecord(
    OffsetDateTime time,
    String category,
    String cause,
    String layer,
    String title,
    Phases phases,
    Optional<Account> account) {

  public CheckRecord {
    Objects.requireNonNull(time);
    Objects.requireNonNull(category);
    Objects.requireNonNull(cause);
    Objects.requireNonNull(layer);
    Objects.requireNonNull(title);
    Objects.requireNonNull(phases);
    Objects.requireNonNull(account);
  }

  /** A phase that was not reached. As blackbox_exporter does, it is not reported as zero. */
  public static final long NOT_REACHED = -1;

  /**
   * Milliseconds per phase, {@link #NOT_REACHED} for a phase the check never reached.
   *
   * @param dnsSystemMs the system resolvers' answers (the slowest of them)
   * @param dnsPublicMs the public resolvers' answers (the slowest of them)
   * @param connectMs the TCP connect on the app's path: the one that opened, else the last tried
   * @param tlsMs the TLS handshake
   * @param loginMs the login request, redirects included, to its answer or to giving up
   * @param totalMs the whole check
   */
  public record Phases(
      long dnsSystemMs, long dnsPublicMs, long connectMs, long tlsMs, long loginMs, long totalMs) {}

  /**
   * The account as the panel's login answer described it.
   *
   * @param status {@code user_info.status}, e.g. Active, Expired; empty if absent
   * @param expDate the end date, unix seconds; 0 for none or unlimited, -1 unreadable
   * @param activeConnections streams running
   * @param maxConnections the most allowed; 0 for unlimited
   * @param trial whether the line is a trial
   */
  public record Account(
      String status, long expDate, int activeConnections, int maxConnections, boolean trial) {}

  /** The same check at another time ({@code 2026-03-02T19:05:00+01:00}): for tests and tools. */
  public CheckRecord withTime(String isoOffsetDateTime) {
    return new CheckRecord(
        OffsetDateTime.parse(isoOffsetDateTime), category, cause, layer, title, phases, account);
  }

  /** Whether the check found the line working. */
  public boolean working() {
    return Diagnosis.NO_FAULT_FOUND.equals(category);
  }

  /** Whether the check could not complete. */
  public boolean inconclusive() {
    return Diagnosis.INCONCLUSIVE.equals(category);
  }

  /** Whether the check found a fault. */
  public boolean fault() {
    return !working() && !inconclusive();
  }

  /** The summary of a diagnosis made at {@code time} that took {@code wallMillis}. */
  public static CheckRecord of(OffsetDateTime time, Diagnosis d, long wallMillis) {
    String cause = d.causeIds().isEmpty() ? "" : d.causeIds().get(0);
    Diagnosis.FindingView deciding =
        d.findings().stream().filter(f -> f.causeId().equals(cause)).findFirst().orElse(null);
    String title =
        deciding != null
            ? deciding.title()
            : d.causes().isEmpty() ? d.title() : d.causes().get(0).text();
    return new CheckRecord(
        time,
        d.category(),
        cause,
        deciding == null ? "" : deciding.layer(),
        title,
        phases(d.facts(), wallMillis),
        account(d.facts()));
  }

  static Phases phases(List<Fact> facts, long wallMillis) {
    long system = NOT_REACHED;
    long pub = NOT_REACHED;
    long connect = NOT_REACHED;
    boolean connected = false;
    long tls = NOT_REACHED;
    long login = NOT_REACHED;
    for (Fact f : facts) {
      if (f instanceof DnsAnswer a) {
        if (a.resolverRole().equals("system")) {
          system = Math.max(system, a.millis());
        } else if (a.resolverRole().equals("public")) {
          pub = Math.max(pub, a.millis());
        }
      } else if (f instanceof TcpConnect t
          && t.stage().equals("before_login")
          && !t.resolverRole().equals("public")
          && !connected) {
        connect = t.millis();
        connected = t.outcome().equals("tcp.connected");
      } else if (f instanceof TlsHandshake h && tls == NOT_REACHED) {
        tls = h.millis();
      } else if (f instanceof HttpResponse r
          && (r.purpose().equals("login") || r.purpose().equals("redirect"))) {
        login = Math.max(login, 0) + r.millis();
      }
    }
    return new Phases(system, pub, connect, tls, login, wallMillis);
  }

  static Optional<Account> account(List<Fact> facts) {
    return facts.stream()
        .filter(LoginAnswer.class::isInstance)
        .map(LoginAnswer.class::cast)
        .findFirst()
        .map(
            l ->
                new Account(
                    l.status(), l.expDate(), l.activeConnections(), l.maxConnections(), l.trial()));
  }
}
