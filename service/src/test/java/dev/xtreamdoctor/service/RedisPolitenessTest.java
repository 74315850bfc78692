package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.RecordedRequest;
import dev.xtreamdoctor.simulator.Simulation;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two {@code serve} processes (this JVM and a child JVM) sharing one panel budget through a real
 * {@code redis-server} (Debian package redis-server; .ci/run installs it): together they send a
 * panel no more logins than one would, spaced as one would, and share the verdict cache.
 */
class RedisPolitenessTest {
  static final ServeSettings.Politeness BUDGET =
      new ServeSettings.Politeness(3, 60_000, 400, 15_000, 60_000, Optional.empty());

  static Process redis;
  static String redisUrl;

  @BeforeAll
  static void startRedis() throws Exception {
    Optional<Path> server = redisServer();
    assumeTrue(
        server.isPresent() || System.getenv("CI") != null,
        "redis-server is not installed (apt-get install -y redis-server); CI installs it and runs this test");
    assertTrue(server.isPresent(), "CI must have redis-server (see .ci/run)");
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    redis =
        new ProcessBuilder(
                server.get().toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    redisUrl = "redis://127.0.0.1:" + port;
    long end = System.nanoTime() + 10_000_000_000L;
    while (!pong(port)) {
      assertTrue(
          System.nanoTime() < end && redis.isAlive(), "redis-server did not start on port " + port);
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.destroy();
      redis.waitFor(5, TimeUnit.SECONDS);
    }
  }

  static Optional<Path> redisServer() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path p = Path.of(dir, "redis-server");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static boolean pong(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      return new BufferedReader(
              new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
          .readLine()
          .equals("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** A second serve in its own JVM, sharing this Redis; its base URI. */
  static final class Replica implements AutoCloseable {
    final Process process;
    final URI uri;

    Replica(Simulation sim, ServeSettings.Politeness b) throws IOException {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-Dxtreamdoctor.network.loopback-only=true",
                  "-cp",
                  System.getProperty("java.class.path"),
                  ReplicaServer.class.getName(),
                  redisUrl,
                  sim.systemResolvers(),
                  Integer.toString(sim.urlPort()),
                  Integer.toString(b.maxLogins()),
                  Long.toString(b.windowMs()),
                  Long.toString(b.minIntervalMs()),
                  Long.toString(b.waitMs()),
                  Long.toString(b.verdictCacheMs())));
      process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
        // start-up chatter
      }
      assertTrue(line != null, "the replica did not start");
      uri = URI.create(line.substring(6).strip());
    }

    @Override
    public void close() throws Exception {
      try (OutputStream in = process.getOutputStream()) {
        in.flush(); // closing its input stops it
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroy();
      }
    }
  }

  @Test
  void twoReplicasTogetherStayWithinOnePanelBudget() throws Exception {
    ServeSettings.Politeness shared = BUDGET.withRedis(redisUrl);
    try (Simulation sim = Simulation.start("healthy-xc2");
        DoctorService one =
            Fixtures.start(
                PolitenessTest.settings(shared),
                Fixtures.probes(List.of(sim.systemResolvers())),
                TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())));
        Replica two = new Replica(sim, shared)) {
      Map<Integer, Integer> byStatus = PolitenessTest.burst(List.of(one.uri(), two.uri), sim, 30);
      List<RecordedRequest> logins = PolitenessTest.logins(sim);
      System.out.println(
          "30 concurrent diagnoses of one panel through two serve processes sharing Redis (budget 3): "
              + "answers "
              + byStatus
              + ", logins "
              + logins.size());
      assertTrue(logins.size() <= BUDGET.maxLogins(), "logins: " + logins.size());
      // every answered diagnosis is one login; a cold replica may keep the others waiting past
      // panel-wait-ms, so fewer than the budget may be answered, never more
      assertEquals(logins.size(), byStatus.getOrDefault(200, 0), "answers: " + byStatus);
      assertTrue(logins.size() >= 1);
      PolitenessTest.assertSpaced(logins, BUDGET.minIntervalMs());
      assertTrue(
          logins.stream().map(RecordedRequest::username).distinct().count() == logins.size());
    }
  }

  @Test
  void theVerdictCacheIsSharedToo() throws Exception {
    ServeSettings.Politeness shared =
        new ServeSettings.Politeness(100, 60_000, 0, 5_000, 60_000, Optional.of(redisUrl));
    try (Simulation sim = Simulation.start("bad-credentials-xc2");
        DoctorService one =
            Fixtures.start(
                PolitenessTest.settings(shared),
                Fixtures.probes(List.of(sim.systemResolvers())),
                TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())));
        Replica two = new Replica(sim, shared)) {
      String line =
          Fixtures.diagnosisJson(sim.serverUrl(), sim.username(), "wrong-Pass-0815", null);
      assertEquals(
          false,
          PolitenessTest.json(Fixtures.post(one, "/v1/diagnoses", line, Fixtures.TOKEN))
              .getBoolean("cached"));
      assertEquals(
          true,
          PolitenessTest.json(Fixtures.post(two.uri, "/v1/diagnoses", line, Fixtures.TOKEN))
              .getBoolean("cached"));
      assertEquals(1, PolitenessTest.logins(sim).size());
    }
  }

  @Test
  void anUnreachableRedisStopsTheStartNamingTheKey() throws Exception {
    int closed;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = free.getLocalPort();
    }
    ServeSettings s =
        Fixtures.settings().withPoliteness(BUDGET.withRedis("redis://127.0.0.1:" + closed));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Fixtures.start(
                    s, Fixtures.probes(List.of()), TargetGuard.of(List.of(), Set.of(80))));
    assertTrue(
        e.getMessage()
            .startsWith(
                "doctor.serve.redis-url: Redis at 127.0.0.1:" + closed + " does not answer"),
        e.getMessage());
  }
}
