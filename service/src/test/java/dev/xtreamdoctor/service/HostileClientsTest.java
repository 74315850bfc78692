package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that misbehave on the wire, talked to with raw sockets: each gets a problem+json answer
 * or its connection closed, never a hang, an HTML page or a silent close.
 */
class HostileClientsTest {
  static DoctorService service;

  @BeforeAll
  static void start() throws Exception {
    ServeSettings s =
        Fixtures.settings()
            .withConnections(new ServeSettings.Connections(8192, 200, 800, 30_000, 512, 4));
    service = Fixtures.start(s, Fixtures.probes(List.of()), TargetGuard.of(List.of(), Set.of(80)));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void overTwoHundredHeaderFieldsGet431() throws Exception {
    StringBuilder head = new StringBuilder("GET /health HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 250; i++) {
      head.append("X-").append(i).append(": y\r\n");
    }
    String answer = exchange("127.0.0.1", head + "\r\n");
    assertStatus(431, answer);
    assertTrue(answer.contains("application/problem+json"), answer);
  }

  @Test
  void headersOverTheSizeLimitGet431() throws Exception {
    String answer =
        exchange(
            "127.0.0.1",
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n");
    assertStatus(431, answer);
    assertTrue(answer.contains("application/problem+json"), answer);
  }

  @Test
  void aNegativeContentLengthGets400ProblemJson() throws Exception {
    String answer =
        exchange(
            "127.0.0.1",
            "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + Fixtures.TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}");
    assertStatus(400, answer);
    assertTrue(answer.contains("application/problem+json"), answer);
  }

  @Test
  void lookAlikeContentTypesGet415() throws Exception {
    for (String type :
        List.of(
            "application/jsonx",
            "application/json-seq",
            "text/json",
            "application/json; charset=latin1",
            "")) {
      String answer =
          exchange(
              "127.0.0.1",
              "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + Fixtures.TOKEN
                  + "\r\n"
                  + (type.isEmpty() ? "" : "Content-Type: " + type + "\r\n")
                  + "Content-Length: 12\r\nConnection: close\r\n\r\n{\"facts\":[]}");
      assertStatus(415, answer);
    }
    String ok =
        exchange(
            "127.0.0.1",
            "POST /v1/evaluations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + Fixtures.TOKEN
                + "\r\nContent-Type: Application/JSON; charset=\"UTF-8\"\r\n"
                + "Content-Length: 12\r\nConnection: close\r\n\r\n{\"facts\":[]}");
    assertStatus(200, ok);
  }

  @Test
  void aClientBeyondItsShareOfConnectionsIsClosedAtOnce() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      int closed = 0;
      for (int i = 0; i < 7; i++) {
        Socket k = connect("127.0.0.3");
        held.add(k);
      }
      Thread.sleep(300); // well within the 800 ms head timeout, which would cut them all
      for (Socket k : held) {
        k.setSoTimeout(1);
        try {
          if (k.getInputStream().read() < 0) {
            closed++;
          }
        } catch (SocketTimeoutException e) {
          // still open
        } catch (IOException e) {
          closed++;
        }
      }
      assertEquals(3, closed, "4 connections per client address, 7 opened");
      assertEquals(
          200, Fixtures.get(service, "/health", null).statusCode(), "other addresses are served");
    } finally {
      for (Socket k : held) {
        k.close();
      }
    }
  }

  @Test
  void aHeadThatDoesNotArriveInTimeLosesItsConnection() throws Exception {
    try (Socket k = connect("127.0.0.4")) {
      k.getOutputStream().write("GET /health HT".getBytes(StandardCharsets.US_ASCII));
      k.setSoTimeout(5000);
      long t0 = System.nanoTime();
      int r;
      try {
        r = k.getInputStream().read();
      } catch (IOException e) {
        r = -1;
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(-1, r, "closed, without an answer");
      assertTrue(ms < 3000, "cut after " + ms + " ms; the head timeout is 800 ms");
    }
    try (Socket silent = connect("127.0.0.4")) {
      silent.setSoTimeout(5000);
      long t0 = System.nanoTime();
      assertEquals(-1, readOrEof(silent.getInputStream()));
      assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000, "a silent connection is cut too");
    }
  }

  static int readOrEof(InputStream in) {
    try {
      return in.read();
    } catch (IOException e) {
      return -1;
    }
  }

  static Socket connect(String from) throws IOException {
    Socket k = new Socket();
    k.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    k.connect(new InetSocketAddress("127.0.0.1", service.port()), 2000);
    return k;
  }

  /** Sends the bytes and reads the answer until the server closes or goes quiet. */
  static String exchange(String from, String request) throws IOException {
    try (Socket k = connect(from)) {
      k.setSoTimeout(3000);
      k.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      k.getOutputStream().flush();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      InputStream in = k.getInputStream();
      byte[] buf = new byte[4096];
      try {
        int r;
        while ((r = in.read(buf)) >= 0) {
          got.write(buf, 0, r);
          if (got.toString(StandardCharsets.ISO_8859_1).matches("(?s).*\r\n\r\n.*\\}\\s*")) {
            break;
          }
        }
      } catch (SocketTimeoutException | java.net.SocketException e) {
        // what came is the answer
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }

  static void assertStatus(int status, String answer) {
    assertTrue(
        answer.startsWith("HTTP/1.1 " + status + " "), "expected " + status + ", got: " + answer);
  }
}
