package dev.xtreamdoctor.probes;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ConnectionReuseStrategy;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.protocol.HttpContext;
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
 * The Jersey clients the exchanges share: one per trust, gate and timeouts, built once (a client
 * costs about 100 ms to warm up). Each is Jersey on Apache HttpClient 5, its sockets made by the
 * {@link NetworkGate}, its names resolved to the addresses the caller pinned, with a strict and
 * bounded HTTP/1.1 parser, no retries, no reuse and no draining (reference jersey-apache5.md).
 */
final class HttpClients {
  private static final ConcurrentHashMap<ClientKey, Client> CLIENTS = new ConcurrentHashMap<>();

  private record ClientKey(
      TlsTrust trust, boolean loopbackOnly, TargetPolicy policy, int connectMs, int readMs) {}

  private HttpClients() {}

  /** The one client for these settings, built on first use. */
  static Client client(NetworkGate gate, TlsTrust trust, int connectMs, int readMs) {
    ClientKey key = new ClientKey(trust, gate.loopbackOnly(), gate.policy(), connectMs, readMs);
    return CLIENTS.computeIfAbsent(
        key,
        k ->
            ClientBuilder.newBuilder()
                .withConfig(
                    clientConfig(
                        connectionManager(gate, new LazyTls(trust), connectMs, readMs),
                        connectMs,
                        readMs))
                .sslContext(unusedTlsContext())
                .build());
  }

  /**
   * The client, with Jersey's runtime built (HK2 injection, providers, message body workers), which
   * Jersey otherwise leaves to the first request: asking for a request builder does it, sends
   * nothing and resolves no name. The client shares that runtime with every later request.
   */
  static Client prepared(Client client) {
    client.target(WARM_UP).request();
    return client;
  }

  /** A URI no request is ever sent to. */
  private static final URI WARM_UP = URI.create("http://warm-up.invalid/");

  /**
   * For Jersey alone, which asks its client for a TLS context when it makes the connector, even
   * though the connector then uses our connection manager and never that context: without one it
   * would read and parse the JVM's whole trust store (a third of building a client, JFR). This one
   * trusts nothing, so were it ever used, every handshake would fail rather than trust too much.
   */
  private static SSLContext unusedTlsContext() {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(new KeyManager[0], new TrustManager[0], null);
      return ctx;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("no TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * The https strategy, made on the first https connection: the TLS context (the trust store read
   * and parsed) and the public suffix list behind the default host name check were more than half
   * of building a client in a fresh JVM (JFR), which a panel on plain http never needs.
   */
  private static final class LazyTls implements TlsSocketStrategy {
    private final TlsTrust trust;
    private TlsSocketStrategy strategy;

    LazyTls(TlsTrust trust) {
      this.trust = trust;
    }

    @Override
    public SSLSocket upgrade(
        Socket socket, String target, int port, Object attachment, HttpContext context)
        throws IOException {
      return strategy().upgrade(socket, target, port, attachment, context);
    }

    private synchronized TlsSocketStrategy strategy() {
      if (strategy == null) {
        try {
          strategy = new DefaultClientTlsStrategy(trust.newContext().context());
        } catch (java.security.GeneralSecurityException e) {
          throw new IllegalStateException("no TLS context: " + e.getMessage(), e);
        }
      }
      return strategy;
    }
  }

  private static PoolingHttpClientConnectionManager connectionManager(
      NetworkGate gate, TlsSocketStrategy tls, int connectTimeout, int readTimeout) {
    DefaultHttpClientConnectionOperator operator =
        new DefaultHttpClientConnectionOperator(
            proxy -> {
              HttpExchange.Call call = HttpExchange.currentCall();
              Socket socket = call == null ? gate.newSocket() : gate.newSocket(call.tap);
              if (call != null) {
                call.sockets.add(socket); // so the deadline can close it from another thread
              }
              return socket;
            },
            DefaultSchemePortResolver.INSTANCE,
            new PinnedDns(gate),
            RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build());
    // Bounded reading of the head, and a strict status line (a lenient parser skips junk lines
    // and then waits, where OkHttp says "unexpected status line" at once).
    Http1Config http1 =
        Http1Config.custom()
            .setMaxLineLength(HttpExchange.MAX_HEADER_LINE)
            .setMaxHeaderCount(HttpExchange.MAX_HEADER_COUNT)
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
    cm.setDefaultTlsConfig(
        TlsConfig.custom().setHandshakeTimeout(Timeout.ofMilliseconds(readTimeout)).build());
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
                              HttpExchange.Call call = HttpExchange.currentCall();
                              if (call != null) {
                                if (call.expired) {
                                  throw new InterruptedIOException(
                                      "deadline passed before sending");
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
