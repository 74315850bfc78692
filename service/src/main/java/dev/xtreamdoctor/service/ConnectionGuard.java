package dev.xtreamdoctor.service;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Two limits Jetty has no setting for. Per client address: a connection beyond {@code maxPerClient}
 * open at once is closed as soon as it opens, so one client cannot take the connections everyone
 * shares. Per request head: its line and headers must arrive within {@code headerTimeoutMs} of the
 * connection's opening (first request) or of its first byte (later requests on a kept-alive
 * connection); a client trickling its headers one byte at a time is cut off then, although its
 * trickle keeps the idle timeout from ever firing. Jetty itself never gives such a client a thread
 * while it waits: this only frees the connection.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
  private static final long SWEEP_MS = 250;

  private final int maxPerClient;
  private final long headerTimeoutNanos;
  private final Map<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
  private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final ScheduledExecutorService sweeper;

  /** What the sweeper knows of one connection. */
  private static final class Watch {
    final long openedAt = System.nanoTime();
    final InetAddress client;
    long headSince = -1;
    long messages = -1;

    Watch(InetAddress client) {
      this.client = client;
    }
  }

  ConnectionGuard(int maxPerClient, int headerTimeoutMs) {
    this.maxPerClient = maxPerClient;
    this.headerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(headerTimeoutMs);
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "serve-header-deadline");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MS, SWEEP_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection c) {
    InetAddress client = address(c.getEndPoint().getRemoteSocketAddress());
    open.put(c, new Watch(client));
    if (client != null && perClient.merge(client, 1, Integer::sum) > maxPerClient) {
      refused.incrementAndGet();
      c.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection c) {
    Watch w = open.remove(c);
    if (w != null && w.client != null) {
      perClient.computeIfPresent(w.client, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  /** Connections closed because their client already had its share. */
  long refused() {
    return refused.get();
  }

  /** Connections closed because a request head did not arrive in time. */
  long timedOut() {
    return timedOut.get();
  }

  private void sweep() {
    long now = System.nanoTime();
    open.forEach(
        (c, w) -> {
          if (!(c instanceof HttpConnection h)) {
            return;
          }
          HttpParser parser = h.getParser();
          long messages = h.getMessagesIn();
          // a head is awaited: some of it came, or nothing at all came on a fresh connection
          boolean awaitingHead = parser.inHeaderState() && (!parser.isStart() || messages == 0);
          if (!awaitingHead) {
            w.headSince = -1;
            return;
          }
          if (w.headSince < 0 || w.messages != messages) {
            w.headSince = messages == 0 ? w.openedAt : now;
            w.messages = messages;
          }
          if (now - w.headSince > headerTimeoutNanos) {
            timedOut.incrementAndGet();
            c.getEndPoint().close();
          }
        });
  }

  private static InetAddress address(SocketAddress a) {
    return a instanceof InetSocketAddress i ? i.getAddress() : null;
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
