package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's first hole: 50 clients that each send one header byte per second used to hold every
 * worker thread of the JDK server, and /health stopped answering. Here they trickle for 20 s from
 * 127.0.0.2 (reconnecting whenever the server cuts them off) while /health is asked ten times a
 * second from 127.0.0.1 and an authorised evaluation runs.
 */
class SlowClientsTest {
  static final String HEAD =
      "GET /health HTTP/1.1\r\nHost: x\r\nUser-Agent: trickle\r\nX-Pad: "
          + "a".repeat(200)
          + "\r\n\r\n";

  @Test
  void fiftyTricklingClientsDoNotStopHealthOrEvaluations() throws Exception {
    try (DoctorService s =
        Fixtures.start(
            Fixtures.settings(),
            Fixtures.probes(List.of()),
            TargetGuard.of(List.of(), Set.of(80)))) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger reconnects = new AtomicInteger();
      Thread trickler = new Thread(() -> trickle(s, 50, stop, reconnects), "trickler");
      trickler.setDaemon(true);
      trickler.start();
      Thread.sleep(1000); // every trickler is connected and holding

      List<Long> micros = new ArrayList<>();
      int evaluated = 0;
      long end = System.nanoTime() + 20_000_000_000L;
      // /health over one kept-alive raw connection: the time measured is the server's answer, not
      // an HTTP client's threads handing the request around on a busy machine
      try (Socket health = new Socket("127.0.0.1", s.port())) {
        health.setTcpNoDelay(true);
        health.setSoTimeout(5000);
        java.io.InputStream in = new java.io.BufferedInputStream(health.getInputStream());
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          health.getOutputStream().write(HEALTH);
          String status = answer(in);
          micros.add((System.nanoTime() - t0) / 1000);
          assertEquals("HTTP/1.1 200 OK", status);
          if (micros.size() % 50 == 0) {
            HttpResponse<String> r =
                Fixtures.post(s, "/v1/evaluations", HotReloadTest.FACTS, Fixtures.TOKEN);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("INVALID_DETAILS"), r.body());
            evaluated++;
          }
          Thread.sleep(100);
        }
      }
      stop.set(true);
      trickler.join(5000);
      micros.sort(null);
      long p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1);
      System.out.printf(
          "slow clients: %d /health answers, p50 %d us, p99 %d us, max %d us; %d evaluations;"
              + " %d trickling connections cut and reopened%n",
          micros.size(),
          micros.get(micros.size() / 2),
          p99,
          micros.get(micros.size() - 1),
          evaluated,
          reconnects.get());
      assertTrue(micros.size() >= 100, "health was asked " + micros.size() + " times");
      assertTrue(evaluated >= 2);
      assertTrue(p99 < 100_000, "p99 of /health " + p99 + " us");
      assertTrue(s.connectionsCut() > 0, "the tricklers were never cut off");
    }
  }

  static final byte[] HEALTH =
      "GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** Reads one answer off a kept-alive connection; its status line. */
  static String answer(java.io.InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("closed after: " + head);
      }
      head.append((char) c);
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    if (!m.find()) {
      throw new IOException("no Content-Length: " + head);
    }
    in.readNBytes(Integer.parseInt(m.group(1)));
    return head.substring(0, head.indexOf("\r\n"));
  }

  /** {@code n} connections from 127.0.0.2, one byte of a request head per second each. */
  static void trickle(DoctorService s, int n, AtomicBoolean stop, AtomicInteger reconnects) {
    byte[] head = HEAD.getBytes(StandardCharsets.US_ASCII);
    Socket[] sockets = new Socket[n];
    int[] sent = new int[n];
    try {
      while (!stop.get()) {
        for (int i = 0; i < n && !stop.get(); i++) {
          try {
            if (sockets[i] == null) {
              sockets[i] = open(s);
              sent[i] = 0;
            }
            OutputStream out = sockets[i].getOutputStream();
            out.write(head[sent[i]++ % (head.length - 2)]); // never the final CRLF
            out.flush();
          } catch (IOException e) {
            close(sockets[i]);
            sockets[i] = null;
            reconnects.incrementAndGet();
          }
        }
        Thread.sleep(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (Socket k : sockets) {
        close(k);
      }
    }
  }

  static Socket open(DoctorService s) throws IOException {
    Socket k = new Socket();
    k.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
    k.connect(new InetSocketAddress("127.0.0.1", s.port()), 2000);
    return k;
  }

  static void close(Socket k) {
    if (k != null) {
      try {
        k.close();
      } catch (IOException e) {
        // gone already
      }
    }
  }
}
