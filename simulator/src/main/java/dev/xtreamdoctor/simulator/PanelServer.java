package dev.xtreamdoctor.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A real HTTP/1.1 server on a raw loopback socket, so faults can be played byte by byte: one
 * request per connection, one pool thread per connection, every request logged without its
 * password. The site (a panel, a block page, nginx) sits behind a chain of overlays.
 *
 * <pre>{@code
 * try (PanelServer panel = PanelServer.builder(Panel.xc2(Account.active("u", "p"))).start()) {
 *   URI login = URI.create(panel.baseUrl() + "/player_api.php?username=u&password=p");
 * }
 * }</pre>
 */
public final class PanelServer implements AutoCloseable {
  private static final int TLS_HANDSHAKE_RECORD = 0x16;

  private final String name;
  private final InetAddress bindAddress;
  private final int requestedPort;
  private final Handler chain;
  private final TlsIdentity tls;
  private final SSLContext tlsContext;
  private final Duration readTimeout;
  private final RequestLog log;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  private final ThreadPoolExecutor pool;
  private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket serverSocket;
  private volatile Blackhole blackhole;
  private volatile Thread acceptor;
  private volatile int boundPort;
  private volatile boolean closed;
  private volatile boolean dropping;

  private PanelServer(Builder b) {
    this.name = b.name;
    this.bindAddress = Loopback.address(b.bindAddress);
    this.requestedPort = b.port;
    Handler h = b.site;
    List<Overlay> overlays = new ArrayList<>(b.overlays);
    for (int i = overlays.size() - 1; i >= 0; i--) {
      h = overlays.get(i).wrap(h);
    }
    this.chain = h;
    this.tls = b.tls;
    this.tlsContext = b.tls == null ? null : b.tls.serverContext();
    this.readTimeout = b.readTimeout;
    this.log = new RequestLog(b.name, b.secrets);
    AtomicInteger threadNo = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            b.threads,
            b.threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            r -> {
              Thread t = new Thread(r, "sim-" + b.name + "-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** A server for this site; add overlays, TLS, address and port, then {@code start()}. */
  public static Builder builder(Handler site) {
    return new Builder(site);
  }

  /**
   * Binds and starts accepting. Returns this, so {@code builder(..).build().start()} reads well.
   */
  public synchronized PanelServer start() {
    if (serverSocket != null) {
      return this;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(bindAddress, requestedPort), 50);
      serverSocket = socket;
      boundPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on "
              + bindAddress.getHostAddress()
              + ":"
              + requestedPort
              + " ("
              + e.getMessage()
              + ")"
              + Loopback.aliasHint(bindAddress),
          e);
    }
    Thread accepting = new Thread(this::acceptLoop, "sim-" + name + "-accept");
    accepting.setDaemon(true);
    accepting.start();
    acceptor = accepting;
    return this;
  }

  /** The port listened on (the real one when 0 was asked for). */
  public int port() {
    requireStarted();
    return boundPort;
  }

  /** The loopback address listened on, e.g. {@code 127.0.0.1}. */
  public String address() {
    return bindAddress.getHostAddress();
  }

  /** {@code http://127.0.0.1:PORT} or {@code https://...}, without a trailing slash. */
  public String baseUrl() {
    return (tls == null ? "http" : "https") + "://" + hostPort();
  }

  /** {@code host:port} for the address, e.g. to put in a DNS answer's place. */
  public String hostPort() {
    String a = address();
    return (a.contains(":") ? "[" + a + "]" : a) + ":" + port();
  }

  public boolean isTls() {
    return tls != null;
  }

  public String name() {
    return name;
  }

  public RequestLog log() {
    return log;
  }

  public List<RecordedRequest> requests() {
    return log.requests();
  }

  public RecordedRequest takeRequest(Duration timeout) {
    return log.takeRequest(timeout);
  }

  public int count() {
    return log.count();
  }

  /** The most requests this server was ever handling at the same time (politeness checks). */
  public int peakConcurrentRequests() {
    return peakInFlight.get();
  }

  /**
   * From now on new connections time out at the TCP level (a firewall DROP); connections already
   * open stay as they are. Used by flood protection once a ban turns into a firewall rule.
   */
  public synchronized void dropFromNowOn() {
    if (blackhole != null || closed) {
      return;
    }
    ServerSocket socket = requireStarted();
    dropping = true;
    closeQuietly(socket);
    try {
      // the port is released only once the thread blocked in accept() has left it
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    blackhole = Blackhole.open(address(), boundPort);
  }

  /** Whether new connections are being dropped. */
  public boolean isDropping() {
    return blackhole != null;
  }

  /** Stops listening and drops every connection, hung ones included. */
  @Override
  public void close() {
    closed = true;
    ServerSocket socket = serverSocket;
    if (socket != null) {
      closeQuietly(socket);
    }
    Blackhole hole = blackhole;
    if (hole != null) {
      hole.close();
    }
    for (Socket s : openSockets) {
      closeQuietly(s);
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ServerSocket requireStarted() {
    ServerSocket socket = serverSocket;
    if (socket == null) {
      throw new IllegalStateException("server " + name + " is not started");
    }
    return socket;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (closed || dropping) {
          return;
        }
        continue;
      }
      openSockets.add(socket);
      try {
        pool.execute(() -> serve(socket));
      } catch (RejectedExecutionException e) {
        forget(socket);
      }
    }
  }

  private void serve(Socket raw) {
    boolean keepOpen = false;
    try {
      raw.setSoTimeout((int) readTimeout.toMillis());
      raw.setTcpNoDelay(true);
      InputStream rawIn = raw.getInputStream();
      int first = rawIn.read();
      if (first < 0) {
        return;
      }
      InputStream replayed =
          new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) first}), rawIn);
      if (tls != null && first == TLS_HANDSHAKE_RECORD) {
        SSLSocket ssl =
            (SSLSocket)
                tlsContext
                    .getSocketFactory()
                    .createSocket(raw, new ByteArrayInputStream(new byte[] {(byte) first}), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        keepOpen =
            exchange(raw, new BufferedInputStream(ssl.getInputStream()), ssl.getOutputStream());
      } else if (!Http11Wire.isTokenStart(first)) {
        // TLS (or garbage) on a plain port: nginx answers 400 at once and closes
        Http11Wire.write(raw.getOutputStream(), nginxPage(400, "Bad Request"), false);
        Http11Wire.lingeringClose(raw, rawIn);
      } else if (tls != null) {
        Http11Wire.readHead(new BufferedInputStream(replayed));
        Http11Wire.write(raw.getOutputStream(), plainHttpOnTlsPort(), false);
      } else {
        keepOpen = exchange(raw, new BufferedInputStream(replayed), raw.getOutputStream());
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, timed out or failed the handshake: nothing to answer
    } finally {
      if (!keepOpen) {
        forget(raw);
      }
    }
  }

  /** Reads one request, runs the chain, plays the reply. Returns true if the socket must hang. */
  private boolean exchange(Socket raw, InputStream in, OutputStream out) throws IOException {
    Request request;
    try {
      request = Http11Wire.readRequest(in, (InetSocketAddress) raw.getRemoteSocketAddress());
    } catch (Http11Wire.MalformedRequest e) {
      Http11Wire.write(out, nginxPage(400, "Bad Request"), false);
      return false;
    }
    if (request == null) {
      return false;
    }
    log.record(request);
    Reply reply;
    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      reply = chain.handle(request);
    } catch (RuntimeException e) {
      reply = Reply.answer(nginxPage(500, "Internal Server Error"));
    } finally {
      inFlight.decrementAndGet();
    }
    if (reply instanceof Reply.Answer a) {
      Http11Wire.write(out, a.response(), request.isHead());
      return false;
    } else if (reply instanceof Reply.Hang) {
      return true; // the socket stays in openSockets until close()
    } else if (reply instanceof Reply.Drop) {
      dropFromNowOn();
      return true;
    } else if (reply instanceof Reply.Reset) {
      raw.setSoLinger(true, 0);
      raw.close();
      return false;
    } else if (reply instanceof Reply.Raw r) {
      OutputStream buffered = new java.io.BufferedOutputStream(out, 64 * 1024);
      r.writer().write(buffered);
      buffered.flush();
      return false;
    }
    return false; // EmptyReply: the finally block closes without a byte
  }

  static Response nginxPage(int status, String reason) {
    return Response.of(status, "text/html", Pages.nginxError(status, reason))
        .withReason(reason)
        .withHeader("Server", "nginx");
  }

  private static Response plainHttpOnTlsPort() {
    return Response.of(400, "text/html", Pages.nginxPlainHttpToHttpsPort())
        .withHeader("Server", "nginx");
  }

  private void forget(Socket socket) {
    openSockets.remove(socket);
    closeQuietly(socket);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing anyway
    }
  }

  /**
   * How to build a server. Overlays run in the order added: the first added sees requests first.
   */
  public static final class Builder {
    private final Handler site;
    private final List<Overlay> overlays = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private String name = "panel";
    private String bindAddress = Loopback.DEFAULT;
    private int port;
    private TlsIdentity tls;
    private Duration readTimeout = Duration.ofSeconds(10);
    private int threads = 8;

    private Builder(Handler site) {
      this.site = site;
      if (site instanceof Panel panel) {
        secrets.addAll(panel.passwords());
        name = panel.family().name().toLowerCase(Locale.ROOT);
      }
    }

    /** A short name shown in the request log, e.g. {@code panel} or {@code block-page}. */
    public Builder name(String serverName) {
      this.name = serverName;
      return this;
    }

    /** A loopback address, e.g. {@code 127.0.0.1} (default) or {@code 127.0.0.66}. */
    public Builder bindAddress(String address) {
      this.bindAddress = address;
      return this;
    }

    /** The port; 0 (default) picks a free one. */
    public Builder port(int listenPort) {
      this.port = listenPort;
      return this;
    }

    public Builder overlay(Overlay overlay) {
      overlays.add(overlay);
      return this;
    }

    public Builder overlays(Collection<? extends Overlay> more) {
      overlays.addAll(more);
      return this;
    }

    /** Serve https with this certificate; plain HTTP on the port gets nginx's 400 page. */
    public Builder tls(TlsIdentity identity) {
      this.tls = identity;
      return this;
    }

    /** Extra strings to mask in logged paths (passwords of accounts the site knows). */
    public Builder secret(String secret) {
      secrets.add(secret);
      return this;
    }

    /** How long to wait for a request before giving up on the connection. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /** Pool size: at most this many connections are served at once. */
    public Builder threads(int count) {
      this.threads = count;
      return this;
    }

    public PanelServer build() {
      return new PanelServer(this);
    }

    public PanelServer start() {
      return build().start();
    }
  }
}
