package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionReuseStrategy;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectionClosingStrategy;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.apache5.connector.Apache5HttpClientBuilderConfigurator;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;

/**
 * Exactly one HTTP GET, as the probes need it (reference jersey-apache5.md): Jersey on Apache
 * HttpClient 5, pinned to the addresses the caller chose, no retries, no redirects followed (the
 * login probe follows them itself, hop by hop through the gate), no connection reuse, and
 * everything a server sends read within bounds: a wall-clock deadline no trickling server can
 * stretch, a cap on one header line, on the number of headers and on their total size, a cap on
 * the body, and a cap on what a gzip body inflates to. Each overrun has its own outcome; none is
 * an exception swallowed into a wrong answer.
 *
 * <p>Like OkHttp (the stack of the apps) it asks for gzip and inflates the body itself, and reads
 * the status line strictly: bytes that are no HTTP answer are named as such.
 *
 * <p>A Jersey client costs about 100 ms to warm up, so one client per trust and timeouts serves
 * every request; the pinned addresses and the deadline travel per request in a thread-local
 * {@link Call} (a synchronous request runs on the caller's thread).
 */
final class HttpExchange {
  /** One header line; a longer one is an overrun, as is an endless one. */
  static final int MAX_HEADER_LINE = 16 * 1024;

  /** Headers in one answer. */
  static final int MAX_HEADER_COUNT = 200;

  /** All header lines together: OkHttp's own limit, so an answer the app refuses is refused. */
  static final int MAX_HEADER_BYTES = 256 * 1024;

  private static final ThreadLocal<Call> CALL = new ThreadLocal<>();
  private static final ConcurrentHashMap<ClientKey, Client> CLIENTS = new ConcurrentHashMap<>();

  /** The request in flight on this thread: where it may connect, and how to stop it. */
  static final class Call {
    final String host;
    final List<InetAddress> addresses;
    final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final ByteTap tap = new ByteTap();
    volatile Cancellable handle;
    volatile boolean expired;

    Call(String host, List<InetAddress> addresses) {
      this.host = host;
      this.addresses = List.copyOf(addresses);
    }

    /** Cancels the request and closes its sockets: a blocked connect, handshake or read fails at once. */
    void expire() {
      expired = true;
      Cancellable h = handle;
      if (h != null) {
        h.cancel();
      }
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }

    /** The address a connection was made to, else the first one asked for. */
    InetAddress connectedAddress() {
      for (int i = sockets.size() - 1; i >= 0; i--) {
        InetAddress a = sockets.get(i).getInetAddress();
        if (a != null) {
          return a;
        }
      }
      return addresses.get(0);
    }
  }

  static Call currentCall() {
    return CALL.get();
  }

  private record ClientKey(
      TlsTrust trust, boolean loopbackOnly, TargetPolicy policy, int connectMs, int readMs) {}

  private final NetworkGate gate;
  private final TlsTrust trust;
  private final ScheduledExecutorService timer;
  private final int connectMs;
  private final int readMs;
  private final int maxBodyBytes;
  private final String userAgent;

  HttpExchange(
      NetworkGate gate,
      TlsTrust trust,
      ScheduledExecutorService timer,
      int connectMs,
      int readMs,
      int maxBodyBytes,
      String userAgent) {
    this.gate = gate;
    this.trust = trust;
    this.timer = timer;
    this.connectMs = connectMs;
    this.readMs = readMs;
    this.maxBodyBytes = maxBodyBytes;
    this.userAgent = userAgent;
    QuietLogs.apply();
  }

  NetworkGate gate() {
    return gate;
  }

  /**
   * Where a request goes: the URL's scheme, host and port, and the addresses to connect to, tried
   * in order (the app falls back to the next one when a connect is refused or times out).
   */
  record Target(
      String scheme, String host, String urlHost, int port, List<InetAddress> addresses, String resolverRole) {
    Target {
      addresses = List.copyOf(addresses);
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("a target needs an address");
      }
    }

    Target(String scheme, String host, String urlHost, int port, InetAddress address, String resolverRole) {
      this(scheme, host, urlHost, port, List.of(address), resolverRole);
    }

    InetAddress address() {
      return addresses.get(0);
    }

    String origin() {
      return scheme + "://" + urlHost + ":" + port;
    }
  }

  /**
   * What came back. {@code detail} is in our own words (never the server's bytes), not yet
   * redacted.
   *
   * @param outcome an {@code http.*} outcome code
   * @param address the address connected to
   * @param declaredLength the Content-Length header, 0 if none
   * @param wireSignals what the first bytes looked like when they were no HTTP ({@code tls_record},
   *     {@code ssh_banner})
   */
  record Result(
      String outcome,
      int status,
      String contentType,
      String contentEncoding,
      String server,
      String cfRay,
      String location,
      long declaredLength,
      byte[] body,
      long millis,
      String detail,
      InetAddress address,
      List<String> wireSignals) {
    boolean answered() {
      return status > 0;
    }
  }

  /** GET {@code pathAndQuery} (already encoded) on the target, finished by {@code deadlineNanos}. */
  Result get(Target target, String pathAndQuery, long deadlineNanos) throws Exception {
    long start = System.nanoTime();
    Client client = client();
    Call call = new Call(target.host(), target.addresses());
    CALL.set(call);
    // counted from now: building the first client in a JVM may itself take a second
    ScheduledFuture<?> watchdog =
        timer.schedule(call::expire, Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    try {
      URI uri = URI.create(target.origin() + pathAndQuery);
      Response r;
      try {
        r =
            client
                .target(uri)
                .request()
                .header("User-Agent", userAgent)
                .header("Accept", "*/*")
                .header("Accept-Encoding", "gzip")
                .get();
      } catch (ProcessingException e) {
        rethrowFatal(e);
        NetworkRefusedException refused = NetworkRefusedException.findIn(e);
        if (refused != null) {
          throw refused;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Failure f = call.expired ? new Failure(Outcome.HTTP_TIMED_OUT, "no answer before the deadline") : beforeHeaders(e, call, target);
        return new Result(
            f.outcome(), 0, "", "", "", "", "", 0, new byte[0], millis, f.detail(), call.connectedAddress(), f.signals());
      }
      long headerMillis = (System.nanoTime() - start) / 1_000_000;
      try (r) {
        return read(r, call, headerMillis);
      }
    } finally {
      watchdog.cancel(false);
      CALL.remove();
    }
  }

  /** Headers and body of an answer that came back, every part within its bound. */
  private Result read(Response r, Call call, long headerMillis) {
    int status = r.getStatus();
    String type = header(r, "Content-Type");
    String encoding = header(r, "Content-Encoding").strip().toLowerCase(Locale.ROOT);
    String server = header(r, "Server");
    String cfRay = header(r, "CF-RAY");
    String location = header(r, "Location");
    long declared = declaredLength(header(r, "Content-Length"));
    InetAddress address = call.connectedAddress();
    long headerBytes = headerBytes(r.getStringHeaders());
    if (headerBytes > MAX_HEADER_BYTES) {
      return new Result(
          Outcome.HTTP_HEADERS_TOO_LARGE, status, type, encoding, server, cfRay, location, declared, new byte[0],
          headerMillis, "the headers came to " + headerBytes + " bytes, more than the " + MAX_HEADER_BYTES
              + " the doctor (and OkHttp) read", address, List.of());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String outcome = Outcome.HTTP_STATUS;
    String detail = "";
    boolean gzip = encoding.equals("gzip") || encoding.equals("x-gzip");
    long wire = 0;
    try {
      if (r.hasEntity()) {
        CountingStream raw = new CountingStream(r.readEntity(InputStream.class));
        try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
          if (readCapped(in, body)) {
            outcome = gzip ? Outcome.HTTP_INFLATED_TOO_LARGE : Outcome.HTTP_TOO_LARGE;
            detail = gzip
                ? raw.count + " compressed bytes inflated past the " + maxBodyBytes + "-byte cap"
                : "the body went past the " + maxBodyBytes + "-byte cap"
                    + (declared > 0 ? " (it announced " + declared + " bytes)" : "");
          }
        } finally {
          wire = raw.count;
        }
      }
    } catch (IOException | ProcessingException e) {
      rethrowFatal(e);
      Failure f = call.expired ? new Failure(Outcome.HTTP_BODY_TIMED_OUT, "the body did not finish before the deadline")
          : inBody(e, gzip);
      outcome = f.outcome();
      detail = f.detail();
      if (outcome.equals(Outcome.HTTP_TRUNCATED) && declared > 0 && !gzip) {
        detail = "the body ended after " + body.size() + " of the " + declared + " bytes it announced";
      } else if (outcome.equals(Outcome.HTTP_TRUNCATED)) {
        detail = "the body ended early, after " + (gzip ? wire + " compressed" : String.valueOf(body.size())) + " bytes";
      }
    }
    // on a cut-off body: what arrived before the cut
    return new Result(
        outcome, status, type, encoding, server, cfRay, location, declared, body.toByteArray(), headerMillis, detail,
        address, List.of());
  }

  /** What a failure before the headers means, by exception class (specific classes first). */
  private static Failure beforeHeaders(ProcessingException e, Call call, Target target) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    boolean plain = target.scheme().equals("http");
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof MessageConstraintException m) {
        String msg = String.valueOf(m.getMessage()).toLowerCase(Locale.ROOT);
        if (msg.contains("line length")) {
          return new Failure(
              Outcome.HTTP_HEADER_TOO_LONG, "a header line went past " + MAX_HEADER_LINE + " bytes");
        }
        if (msg.contains("header count")) {
          return new Failure(Outcome.HTTP_TOO_MANY_HEADERS, "more than " + MAX_HEADER_COUNT + " headers");
        }
        return new Failure(Outcome.HTTP_NOT_HTTP, "lines that are no HTTP status line", wire(call, plain));
      }
      if (c instanceof ProtocolException || c instanceof org.apache.hc.core5.http.ParseException) {
        return new Failure(Outcome.HTTP_NOT_HTTP, "an answer that does not start with an HTTP status line", wire(call, plain));
      }
      if (c instanceof RequestFailedException) {
        return new Failure(Outcome.HTTP_TIMED_OUT, "the request was cut at the deadline");
      }
      if (c instanceof ConnectTimeoutException) {
        return new Failure(Outcome.HTTP_ERROR, "the connect (or TLS handshake) timed out");
      }
      if (c instanceof HttpHostConnectException) {
        return new Failure(Outcome.HTTP_ERROR, "the connection was refused");
      }
      if (c instanceof java.net.UnknownHostException) {
        return new Failure(Outcome.HTTP_ERROR, "no address to connect to");
      }
      if (c instanceof SSLException s) {
        return new Failure(Outcome.HTTP_ERROR, "the TLS handshake failed (" + TlsProbe.classify(s, null) + ")");
      }
      if (c instanceof SocketTimeoutException) {
        return new Failure(Outcome.HTTP_TIMED_OUT, "no answer within the read timeout");
      }
      if (c instanceof NoHttpResponseException) {
        return call.tap.total() > 0 && plain
            ? new Failure(Outcome.HTTP_NOT_HTTP, "bytes that are no HTTP answer", wire(call, true))
            : new Failure(Outcome.HTTP_EMPTY_REPLY, "the connection closed without an answer");
      }
      String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("connection reset") || m.contains("broken pipe")) {
        return new Failure(Outcome.HTTP_RESET, "the connection was reset");
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return new Failure(Outcome.HTTP_ERROR, "the request failed (" + cause.getClass().getSimpleName() + ")");
  }

  /** What a failure while reading the body means. */
  private static Failure inBody(Throwable e, boolean gzip) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof TruncatedChunkException || c instanceof ConnectionClosedException || c instanceof EOFException) {
        return new Failure(Outcome.HTTP_TRUNCATED, "the body ended early");
      }
      if (c instanceof MalformedChunkCodingException) {
        return new Failure(Outcome.HTTP_NOT_HTTP, "the chunked body is not in chunks");
      }
      if (c instanceof ZipException) {
        return new Failure(Outcome.HTTP_ERROR, "the body is marked " + (gzip ? "gzip" : "compressed") + " but is not");
      }
      if (c instanceof SocketTimeoutException || c instanceof InterruptedIOException) {
        return new Failure(Outcome.HTTP_BODY_TIMED_OUT, "the body stopped coming");
      }
      String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("connection reset") || m.contains("broken pipe")) {
        return new Failure(Outcome.HTTP_RESET, "the connection was reset in the body");
      }
      if (m.contains("socket closed") || m.contains("timed out")) {
        return new Failure(Outcome.HTTP_BODY_TIMED_OUT, "the body stopped coming");
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return new Failure(Outcome.HTTP_ERROR, "reading the body failed (" + e.getClass().getSimpleName() + ")");
  }

  private record Failure(String outcome, String detail, List<String> signals) {
    Failure(String outcome, String detail) {
      this(outcome, detail, List.of());
    }
  }

  /** What the first bytes of a non-HTTP answer look like (plain connections only). */
  private static List<String> wire(Call call, boolean plain) {
    if (!plain) {
      return List.of();
    }
    byte[] head = call.tap.head();
    if (head.length >= 3 && (head[0] == 0x15 || head[0] == 0x16) && head[1] == 0x03 && (head[2] & 0xff) <= 0x04) {
      return List.of(Vocabulary.TLS_RECORD); // a TLS alert or handshake record: the port speaks TLS
    }
    if (head.length >= 4 && head[0] == 'S' && head[1] == 'S' && head[2] == 'H' && head[3] == '-') {
      return List.of(Vocabulary.SSH_BANNER);
    }
    return List.of();
  }

  /** An OutOfMemoryError or the like is never turned into an outcome about the panel. */
  private static void rethrowFatal(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof VirtualMachineError v) {
        throw v;
      }
      if (c.getCause() == c) {
        return;
      }
    }
  }

  /** Reads into {@code out}, at most the cap; true if there was more. */
  private boolean readCapped(InputStream in, ByteArrayOutputStream out) throws IOException {
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) >= 0) {
      if (out.size() + n > maxBodyBytes) {
        out.write(buf, 0, maxBodyBytes - out.size());
        return true;
      }
      out.write(buf, 0, n);
    }
    return false;
  }

  /** Counts the bytes that came over the wire (before inflating). */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  private static long headerBytes(MultivaluedMap<String, String> headers) {
    long total = 0;
    for (var e : headers.entrySet()) {
      for (String v : e.getValue()) {
        total += e.getKey().length() + 2 + (v == null ? 0 : v.length()) + 2;
      }
    }
    return total;
  }

  private static long declaredLength(String value) {
    try {
      return Math.max(0, Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String header(Response r, String name) {
    String v = r.getHeaderString(name);
    return v == null ? "" : v;
  }

  private Client client() {
    ClientKey key = new ClientKey(trust, gate.loopbackOnly(), gate.policy(), connectMs, readMs);
    return CLIENTS.computeIfAbsent(
        key,
        k -> {
          try {
            TlsTrust.Recorded tls = trust.newContext();
            return ClientBuilder.newClient(clientConfig(connectionManager(tls, connectMs, readMs), connectMs, readMs));
          } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context: " + e.getMessage(), e);
          }
        });
  }

  /**
   * Builds the client ahead of the first request: in a fresh JVM loading Jersey and HttpClient
   * takes one to two seconds, which can then overlap the DNS probe instead of following it.
   */
  void warmUp() {
    client();
  }

  private PoolingHttpClientConnectionManager connectionManager(
      TlsTrust.Recorded tls, int connectTimeout, int readTimeout) {
    DefaultHttpClientConnectionOperator operator =
        new DefaultHttpClientConnectionOperator(
            proxy -> {
              Call call = CALL.get();
              Socket socket = call == null ? gate.newSocket() : gate.newSocket(call.tap);
              if (call != null) {
                call.sockets.add(socket); // so the deadline can close it from another thread
              }
              return socket;
            },
            DefaultSchemePortResolver.INSTANCE,
            new PinnedDns(gate),
            RegistryBuilder.<TlsSocketStrategy>create()
                .register("https", new DefaultClientTlsStrategy(tls.context()))
                .build());
    // Bounded reading of the head, and a strict status line (a lenient parser skips junk lines
    // and then waits, where OkHttp says "unexpected status line" at once).
    Http1Config http1 =
        Http1Config.custom()
            .setMaxLineLength(MAX_HEADER_LINE)
            .setMaxHeaderCount(MAX_HEADER_COUNT)
            .setMaxEmptyLineCount(2)
            .build();
    ManagedHttpClientConnectionFactory connections =
        ManagedHttpClientConnectionFactory.builder()
            .http1Config(http1)
            .responseParserFactory(new DefaultHttpResponseParserFactory(http1))
            .build();
    PoolingHttpClientConnectionManager cm =
        new PoolingHttpClientConnectionManager(
            operator,
            PoolConcurrencyPolicy.STRICT,
            PoolReusePolicy.LIFO,
            TimeValue.NEG_ONE_MILLISECOND,
            connections);
    cm.setMaxTotal(200);
    cm.setDefaultMaxPerRoute(20);
    cm.setDefaultConnectionConfig(
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout))
            .setSocketTimeout(Timeout.ofMilliseconds(readTimeout))
            .build());
    // Without this the handshake waits on SocketConfig's 3-minute default.
    cm.setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(Timeout.ofMilliseconds(readTimeout)).build());
    return cm;
  }

  private static ClientConfig clientConfig(
      PoolingHttpClientConnectionManager cm, int connectTimeout, int readTimeout) {
    return new ClientConfig()
        .connectorProvider(new Apache5ConnectorProvider())
        .property(Apache5ClientProperties.CONNECTION_MANAGER, cm)
        .property(ClientProperties.CONNECT_TIMEOUT, connectTimeout)
        .property(ClientProperties.READ_TIMEOUT, readTimeout)
        .property(ClientProperties.FOLLOW_REDIRECTS, false)
        .register(
            (Apache5HttpClientBuilderConfigurator)
                builder ->
                    builder
                        // the body is inflated here, capped, as OkHttp does it (and a gzip bomb
                        // is named as such)
                        .disableContentCompression()
                        // hands each request's cancel handle to its Call, for the deadline watchdog
                        .addExecInterceptorFirst(
                            "deadline",
                            (request, scope, chain) -> {
                              Call call = CALL.get();
                              if (call != null) {
                                if (call.expired) {
                                  throw new InterruptedIOException("deadline passed before sending");
                                }
                                if (scope.originalRequest instanceof Cancellable c) {
                                  call.handle = c;
                                }
                              }
                              return chain.proceed(request, scope);
                            }))
        // one request per attempt: HttpClient would otherwise resend after a reset or a 503
        .property(
            Apache5ClientProperties.RETRY_STRATEGY,
            new DefaultHttpRequestRetryStrategy(0, TimeValue.ZERO_MILLISECONDS))
        .property(
            Apache5ClientProperties.REUSE_STRATEGY,
            (ConnectionReuseStrategy) (request, response, context) -> false)
        // abort instead of draining the rest of a body the server may trickle forever
        .property(
            Apache5ClientProperties.CONNECTION_CLOSING_STRATEGY,
            (Apache5ConnectionClosingStrategy)
                (jerseyRequest, request, response, stream) -> {
                  request.abort();
                  try {
                    response.close();
                  } catch (IOException ignored) {
                    // the socket is gone already: nothing left to close
                  }
                });
  }
}
