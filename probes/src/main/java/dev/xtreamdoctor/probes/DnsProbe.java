package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.DnsAnswer;
import dev.xtreamdoctor.engine.facts.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks each resolver directly for the host's A and AAAA records: raw queries with an absolute name,
 * so no cache, hosts file or search path can hide what the resolver itself says. All queries run at
 * once; the slowest resolver bounds the time.
 */
final class DnsProbe {
  static final String SYSTEM = "system";
  static final String PUBLIC = "public";

  private final NetworkGate gate;
  private final Duration timeout;

  DnsProbe(NetworkGate gate, Duration timeout) {
    this.gate = gate;
    this.timeout = timeout;
  }

  DnsResult lookUp(String host, List<InetSocketAddress> system, List<InetSocketAddress> publicOnes)
      throws IOException {
    Name name;
    try {
      name = Name.fromString(host.endsWith(".") ? host : host + ".");
    } catch (TextParseException e) {
      throw new IOException("host name cannot be asked in DNS");
    }
    List<Pending> pending = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String type : List.of("A", "AAAA")) {
      for (String role : List.of(SYSTEM, PUBLIC)) {
        for (InetSocketAddress r : role.equals(SYSTEM) ? system : publicOnes) {
          try {
            pending.add(ask(role, r, name, type));
          } catch (NetworkRefusedException e) {
            // one resolver the gate refused: the tool could not ask it, the others still count
            if (type.equals("A")) {
              problems.add("the network gate " + e.getMessage());
            }
          }
        }
      }
    }
    // dnsjava checks its timeouts about once a second; hold every query to our own timeout
    long giveUp = System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(20);
    List<DnsAnswer> answers = new ArrayList<>();
    for (Pending p : pending) {
      try {
        answers.add(p.answer().get(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        p.answer().cancel(true);
        answers.add(p.timedOut());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      } catch (ExecutionException e) {
        answers.add(p.timedOut());
      }
    }
    return new DnsResult(answers, problems);
  }

  /** A query in flight, with what its fact needs if it never comes back. */
  private record Pending(
      String role,
      String resolver,
      String host,
      String type,
      long start,
      CompletableFuture<DnsAnswer> answer) {
    DnsAnswer timedOut() {
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new DnsAnswer(
          role,
          resolver,
          host,
          type,
          Outcome.DNS_TIMED_OUT,
          "",
          List.of(),
          List.of(),
          millis,
          List.of());
    }
  }

  /**
   * Builds dnsjava's tables (record types, classes, the factories behind them) as a first query
   * would: ~100 ms in a fresh JVM, for {@link Diagnoser#prepare} to take off the first probe's
   * path. Nothing is sent.
   */
  static void prepare() {
    Message.newQuery(Record.newRecord(Name.root, Type.A, DClass.IN)).toWire();
  }

  private Pending ask(String role, InetSocketAddress server, Name name, String type)
      throws NetworkRefusedException {
    SimpleResolver resolver = gate.dnsResolver(server, timeout);
    int rrType = type.equals("A") ? Type.A : Type.AAAA;
    Message query = Message.newQuery(Record.newRecord(name, rrType, DClass.IN));
    String host = name.toString(true);
    String shown = ResolverAddress.show(server);
    long start = System.nanoTime();
    CompletableFuture<DnsAnswer> answer =
        resolver
            .sendAsync(query)
            .toCompletableFuture()
            .handle(
                (reply, failure) -> {
                  long millis = (System.nanoTime() - start) / 1_000_000;
                  if (failure != null) {
                    String outcome = isTimeout(failure) ? Outcome.DNS_TIMED_OUT : Outcome.DNS_ERROR;
                    return new DnsAnswer(
                        role, shown, host, type, outcome, "", List.of(), List.of(), millis,
                        List.of());
                  }
                  return read(role, shown, host, type, rrType, reply, millis);
                });
    return new Pending(role, shown, host, type, start, answer);
  }

  private static DnsAnswer read(
      String role,
      String resolver,
      String host,
      String type,
      int rrType,
      Message reply,
      long millis) {
    int rcode = reply.getRcode();
    List<String> addresses = new ArrayList<>();
    Set<String> kinds = new LinkedHashSet<>();
    List<String> aliases = new ArrayList<>();
    for (Record r : reply.getSection(Section.ANSWER)) {
      if (r instanceof CNAMERecord c && aliases.size() < 16) {
        aliases.add(c.getTarget().toString(true));
        continue;
      }
      InetAddress a = null;
      if (r.getType() == rrType && r instanceof ARecord ar) {
        a = ar.getAddress();
      } else if (r.getType() == rrType && r instanceof AAAARecord ar) {
        a = ar.getAddress();
      }
      if (a != null && !addresses.contains(a.getHostAddress())) {
        addresses.add(a.getHostAddress());
        kinds.add(AddressKind.of(a));
      }
    }
    String outcome =
        switch (rcode) {
          case Rcode.NOERROR -> addresses.isEmpty() ? Outcome.DNS_NO_DATA : Outcome.DNS_ANSWERED;
          case Rcode.NXDOMAIN -> Outcome.DNS_NAME_NOT_RESOLVED;
          case Rcode.SERVFAIL -> Outcome.DNS_FAILED;
          case Rcode.REFUSED -> Outcome.DNS_REFUSED;
          default -> Outcome.DNS_ERROR;
        };
    return new DnsAnswer(
        role,
        resolver,
        host,
        type,
        outcome,
        Rcode.string(rcode),
        addresses,
        new ArrayList<>(kinds),
        millis,
        aliases);
  }

  private static boolean isTimeout(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TimeoutException || c instanceof java.net.SocketTimeoutException) {
        return true;
      }
      if (c.getMessage() != null && c.getMessage().startsWith("Timed out")) {
        return true;
      }
      if (!(c instanceof CompletionException) && c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}
