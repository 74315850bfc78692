package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Outcome;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
import org.apache.hc.core5.http.ConnectionReuseStrategy;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.config.RegistryBuilder;
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
 * HttpClient 5, pinned to one address, no retries, no redirects followed, no connection reuse, a
 * wall-clock deadline no trickling server can stretch, and a body cap after decompression.
 *
 * <p>A Jersey client costs about 100 ms to warm up, so one client per trust and timeouts serves
 * every request; the pinned address and the deadline travel per request in a thread-local {@link
 * Call} (a synchronous request runs on the caller's thread).
 */
final class HttpExchange {
  private static final ThreadLocal<Call> CALL = new ThreadLocal<>();
  private static final ConcurrentHashMap<ClientKey, Client> CLIENTS = new ConcurrentHashMap<>();

  /** The request in flight on this thread: where it may connect, and how to stop it. */
  static final class Call {
    final String host;
    final InetAddress address;
    final List<Socket> sockets = new CopyOnWriteArrayList<>();
    volatile Cancellable handle;
    volatile boolean expired;

    Call(String host, InetAddress address) {
      this.host = host;
      this.address = address;
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

  /** Where a request goes: the URL's host and the pinned address. */
  record Target(String scheme, String host, String urlHost, int port, InetAddress address, String resolverRole) {
    String origin() {
      return scheme + "://" + urlHost + ":" + port;
    }
  }

  /**
   * What came back. {@code detail} is the failure text, not yet redacted.
   *
   * @param outcome an {@code http.*} outcome code
   */
  record Result(
      String outcome,
      int status,
      String contentType,
      String server,
      String cfRay,
      String location,
      byte[] body,
      long millis,
      String detail) {
    boolean answered() {
      return status > 0;
    }
  }

  /** GET {@code pathAndQuery} (already encoded) on the target, finished by {@code deadlineNanos}. */
  Result get(Target target, String pathAndQuery, long deadlineNanos) throws Exception {
    long start = System.nanoTime();
    Client client = client();
    Call call = new Call(target.host(), target.address());
    CALL.set(call);
    // counted from now: building the first client in a JVM may itself take a second
    ScheduledFuture<?> watchdog =
        timer.schedule(call::expire, Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    boolean headers = false;
    long headerMillis = 0;
    try {
      URI uri = URI.create(target.origin() + pathAndQuery);
      Response r =
          client.target(uri).request().header("User-Agent", userAgent).header("Accept", "*/*").get();
      headers = true;
      headerMillis = (System.nanoTime() - start) / 1_000_000;
      try (r) {
        int status = r.getStatus();
        String type = header(r, "Content-Type");
        String server = header(r, "Server");
        String cfRay = header(r, "CF-RAY");
        String location = header(r, "Location");
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        String outcome = Outcome.HTTP_STATUS;
        String detail = "";
        try {
          if (readCapped(r, partial)) {
            outcome = Outcome.HTTP_TOO_LARGE;
          }
        } catch (IOException | ProcessingException e) {
          outcome = Outcome.HTTP_BODY_TIMED_OUT;
          if (!call.expired && !isTimeout(e)) {
            outcome = Outcome.HTTP_ERROR;
          }
          detail = String.valueOf(e);
        }
        byte[] body = partial.toByteArray(); // on a cut-off body: what arrived before the cut
        return new Result(outcome, status, type, server, cfRay, location, body, headerMillis, detail);
      }
    } catch (ProcessingException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      NetworkRefusedException refused = NetworkRefusedException.findIn(e);
      if (refused != null) {
        throw refused;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      String outcome;
      if (call.expired) {
        outcome = headers ? Outcome.HTTP_BODY_TIMED_OUT : Outcome.HTTP_TIMED_OUT;
      } else {
        outcome = classify(cause);
      }
      return new Result(outcome, 0, "", "", "", "", new byte[0], millis, String.valueOf(cause));
    } finally {
      watchdog.cancel(false);
      CALL.remove();
    }
  }

  private static String classify(Throwable cause) {
    if (cause instanceof RequestFailedException || cause instanceof ConnectTimeoutException) {
      return Outcome.HTTP_TIMED_OUT;
    }
    if (cause instanceof HttpHostConnectException) {
      return Outcome.HTTP_ERROR;
    }
    if (cause instanceof SocketTimeoutException) {
      return Outcome.HTTP_TIMED_OUT;
    }
    if (cause instanceof NoHttpResponseException) {
      return Outcome.HTTP_EMPTY_REPLY;
    }
    if (cause instanceof SSLException) {
      return Outcome.HTTP_ERROR;
    }
    String m = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (m.contains("connection reset") || m.contains("broken pipe")) {
      return Outcome.HTTP_RESET;
    }
    if (m.contains("failed to respond") || m.contains("end of stream")) {
      return Outcome.HTTP_EMPTY_REPLY;
    }
    return Outcome.HTTP_ERROR;
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SocketTimeoutException || c instanceof java.io.InterruptedIOException) {
        return true;
      }
      String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("socket closed") || m.contains("timed out")) {
        return true;
      }
    }
    return false;
  }

  /** Reads the body into {@code out}, at most the cap; true if there was more. */
  private boolean readCapped(Response r, ByteArrayOutputStream out) throws IOException {
    if (!r.hasEntity()) {
      return false;
    }
    byte[] buf = new byte[8192];
    try (InputStream in = r.readEntity(InputStream.class)) {
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (out.size() + n > maxBodyBytes) {
          out.write(buf, 0, maxBodyBytes - out.size());
          return true;
        }
        out.write(buf, 0, n);
      }
    }
    return false;
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
              Socket socket = gate.newSocket();
              Call call = CALL.get();
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
    PoolingHttpClientConnectionManager cm =
        new PoolingHttpClientConnectionManager(
            operator,
            PoolConcurrencyPolicy.STRICT,
            PoolReusePolicy.LIFO,
            TimeValue.NEG_ONE_MILLISECOND,
            ManagedHttpClientConnectionFactory.INSTANCE);
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
        // hands each request's cancel handle to its Call, for the deadline watchdog
        .register(
            (Apache5HttpClientBuilderConfigurator)
                builder ->
                    builder.addExecInterceptorFirst(
                        "deadline",
                        (request, scope, chain) -> {
                          Call call = CALL.get();
                          if (call != null) {
                            if (call.expired) {
                              throw new java.io.InterruptedIOException("deadline passed before sending");
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
