package dev.xtreamdoctor.probes;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** A real HTTP(S) server on a loopback address, recording every request it gets. */
final class LoopbackPanel implements AutoCloseable {
  interface Handler {
    void handle(com.sun.net.httpserver.HttpExchange ex, int index) throws IOException;
  }

  record Request(String method, String pathAndQuery, String host, String userAgent) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private LoopbackPanel(HttpServer server, Handler handler) {
    this.server = server;
    server.createContext(
        "/",
        ex -> {
          int index = requests.size();
          requests.add(
              new Request(
                  ex.getRequestMethod(),
                  ex.getRequestURI().getRawPath()
                      + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()),
                  ex.getRequestHeaders().getFirst("Host"),
                  ex.getRequestHeaders().getFirst("User-Agent")));
          try {
            handler.handle(ex, index);
          } finally {
            ex.close();
          }
        });
    server.setExecutor(pool);
    server.start();
  }

  static LoopbackPanel http(Handler handler) throws IOException {
    return http("127.0.0.1", 0, handler);
  }

  static LoopbackPanel http(String address, int port, Handler handler) throws IOException {
    return new LoopbackPanel(
        HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 50), handler);
  }

  static LoopbackPanel https(SSLContext context, Handler handler) throws IOException {
    HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    s.setHttpsConfigurator(new HttpsConfigurator(context));
    return new LoopbackPanel(s, handler);
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Blocks a handler until the test ends (at most 10 s): a server that never answers. */
  void hang() {
    try {
      closing.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  static void send(
      com.sun.net.httpserver.HttpExchange ex, int status, String contentType, String body, String... headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (!contentType.isEmpty()) {
      ex.getResponseHeaders().add("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      ex.getResponseHeaders().add(headers[i], headers[i + 1]);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static Handler json(int status, String body) {
    return (ex, i) -> send(ex, status, "application/json", body);
  }

  static Handler html(int status, String body, String... headers) {
    return (ex, i) -> send(ex, status, "text/html", body, headers);
  }
}
