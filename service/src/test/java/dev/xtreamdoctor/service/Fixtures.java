package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.probes.ProbeSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared pieces of the service tests: the compiled rules, a client, a connection counter. */
final class Fixtures {
  static final String TOKEN = "test-token-0123456789abcdef";
  private static RuleBook rules;

  private Fixtures() {}

  static synchronized RuleBook rules() {
    if (rules == null) {
      try {
        rules = RuleBook.bundled();
      } catch (RulesException e) {
        throw new AssertionError(e);
      }
    }
    return rules;
  }

  /**
   * Test settings: the default connection limits; a panel budget that still takes turns (one
   * diagnosis of a panel at a time) but never runs out, and no verdict cache, so tests that ask the
   * same simulated panel again and again see a fresh diagnosis each time.
   */
  static ServeSettings settings() {
    return new ServeSettings(
            "127.0.0.1", 0, List.of(TOKEN), 65536, 1000, 1000, 4, 8, 2000, "'self'")
        .withPoliteness(
            new ServeSettings.Politeness(
                1_000_000, 1000, 0, 30_000, 0, java.util.Optional.empty()));
  }

  /** Short timeouts against local fixtures; resolvers as given (none means: none at all). */
  static ProbeSettings probes(List<String> systemResolvers) {
    return ProbeSettings.defaults()
        .withResolvers(systemResolvers, List.of())
        .withTimeouts(1000, 2000, 5000)
        .withLimits(1 << 20, 6, 1)
        .withLoopbackOnly(true);
  }

  static DoctorService start(ServeSettings s, ProbeSettings probes, TargetGuard guard)
      throws Exception {
    return DoctorService.start(
        s, XtreamDoctor.builder().ruleBook(rules()).probeSettings(probes), guard);
  }

  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static HttpResponse<String> post(DoctorService s, String path, String json, String token)
      throws Exception {
    return post(s.uri(), path, json, token);
  }

  /** A POST to a service by its base URI (one in another process, say). */
  static HttpResponse<String> post(URI base, String path, String json, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(DoctorService s, String path, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(s.uri().resolve(path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String diagnosisJson(String server, String user, String pass, String symptoms) {
    return "{\"server\":"
        + jsonString(server)
        + ",\"username\":"
        + jsonString(user)
        + ",\"password\":"
        + jsonString(pass)
        + (symptoms == null ? "" : ",\"symptoms\":" + symptoms)
        + "}";
  }

  static String jsonString(String s) {
    return jakarta.json.Json.createValue(s).toString();
  }

  /** A TCP listener that only counts the connections it accepts: proof that none was made. */
  static final class Counter implements AutoCloseable {
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    Counter(String address, int port) throws IOException {
      socket = new ServerSocket(port, 50, InetAddress.getByName(address));
      Thread t =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    Socket c = socket.accept();
                    accepted.incrementAndGet();
                    c.close();
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "counter-" + address);
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int count() {
      return accepted.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  static URI uri(String s) {
    return URI.create(s);
  }
}
