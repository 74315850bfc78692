package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Outcome;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Exactly one HTTP GET, as the probes need it (reference jersey-apache5.md): Jersey on Apache
 * HttpClient 5, pinned to the addresses the caller chose, no retries, no redirects followed (the
 * login probe follows them itself, hop by hop through the gate), no connection reuse, and
 * everything a server sends read within bounds: a wall-clock deadline no trickling server can
 * stretch, a cap on one header line, on the number of headers and on their total size, a cap on the
 * body, and a cap on what a gzip body inflates to. Each overrun has its own outcome; none is an
 * exception swallowed into a wrong answer.
 *
 * <p>Like OkHttp (the stack of the apps) it asks for gzip and inflates the body itself, and reads
 * the status line strictly: bytes that are no HTTP answer are named as such.
 *
 * <p>A Jersey client costs about 100 ms to warm up, so one client per trust and timeouts serves
 * every request; the pinned addresses and the deadline travel per request in a thread-local {@link
 * Call} (a synchronous request runs on the caller's thread).
 */
final class HttpExchange {
  /** One header line; a longer one is an overrun, as is an endless one. */
  static final int MAX_HEADER_LINE = 16 * 1024;

  /** Headers in one answer. */
  static final int MAX_HEADER_COUNT = 200;

  /** All header lines together: OkHttp's own limit, so an answer the app refuses is refused. */
  static final int MAX_HEADER_BYTES = 256 * 1024;

  private static final ThreadLocal<Call> CALL = new ThreadLocal<>();

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

    /**
     * Cancels the request and closes its sockets: a blocked connect, handshake or read fails at
     * once.
     */
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
      String scheme,
      String host,
      String urlHost,
      int port,
      List<InetAddress> addresses,
      String resolverRole) {
    Target {
      addresses = List.copyOf(addresses);
      if (addresses.isEmpty()) {
        throw new IllegalArgumentException("a target needs an address");
      }
    }

    Target(
        String scheme,
        String host,
        String urlHost,
        int port,
        InetAddress address,
        String resolverRole) {
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

  /**
   * GET {@code pathAndQuery} (already encoded) on the target, finished by {@code deadlineNanos}.
   */
  Result get(Target target, String pathAndQuery, long deadlineNanos) throws Exception {
    long start = System.nanoTime();
    Client client = client();
    Call call = new Call(target.host(), target.addresses());
    CALL.set(call);
    // counted from now: building the first client in a JVM may itself take a second
    ScheduledFuture<?> watchdog =
        timer.schedule(
            call::expire, Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
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
        HttpFailures.rethrowFatal(e);
        NetworkRefusedException refused = NetworkRefusedException.findIn(e);
        if (refused != null) {
          throw refused;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        HttpFailures.Failure f =
            call.expired
                ? new HttpFailures.Failure(Outcome.HTTP_TIMED_OUT, "no answer before the deadline")
                : HttpFailures.beforeHeaders(e, call, target);
        return new Result(
            f.outcome(),
            0,
            "",
            "",
            "",
            "",
            "",
            0,
            new byte[0],
            millis,
            f.detail(),
            call.connectedAddress(),
            f.signals());
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
          Outcome.HTTP_HEADERS_TOO_LARGE,
          status,
          type,
          encoding,
          server,
          cfRay,
          location,
          declared,
          new byte[0],
          headerMillis,
          "the headers came to "
              + headerBytes
              + " bytes, more than the "
              + MAX_HEADER_BYTES
              + " the doctor (and OkHttp) read",
          address,
          List.of());
    }
    BodyRead b = readBody(r, call, encoding, declared);
    // on a cut-off body: what arrived before the cut
    return new Result(
        b.outcome(),
        status,
        type,
        encoding,
        server,
        cfRay,
        location,
        declared,
        b.bytes(),
        headerMillis,
        b.detail(),
        address,
        List.of());
  }

  /** The body as read, within its caps, and the outcome: a cut or overrun is named, not thrown. */
  private record BodyRead(String outcome, String detail, byte[] bytes) {}

  private BodyRead readBody(Response r, Call call, String encoding, long declared) {
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
            detail =
                gzip
                    ? raw.count
                        + " compressed bytes inflated past the "
                        + maxBodyBytes
                        + "-byte cap"
                    : "the body went past the "
                        + maxBodyBytes
                        + "-byte cap"
                        + (declared > 0 ? " (it announced " + declared + " bytes)" : "");
          }
        } finally {
          wire = raw.count;
        }
      }
    } catch (IOException | ProcessingException e) {
      HttpFailures.rethrowFatal(e);
      HttpFailures.Failure f =
          call.expired
              ? new HttpFailures.Failure(
                  Outcome.HTTP_BODY_TIMED_OUT, "the body did not finish before the deadline")
              : HttpFailures.inBody(e, gzip);
      outcome = f.outcome();
      detail = f.detail();
      if (outcome.equals(Outcome.HTTP_TRUNCATED) && declared > 0 && !gzip) {
        detail =
            "the body ended after " + body.size() + " of the " + declared + " bytes it announced";
      } else if (outcome.equals(Outcome.HTTP_TRUNCATED)) {
        detail =
            "the body ended early, after "
                + (gzip ? wire + " compressed" : String.valueOf(body.size()))
                + " bytes";
      }
    }
    return new BodyRead(outcome, detail, body.toByteArray());
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
    return HttpClients.client(gate, trust, connectMs, readMs);
  }

  /**
   * Builds the client ahead of the first request: in a fresh JVM loading Jersey and HttpClient
   * takes one to two seconds, which can then overlap the DNS probe instead of following it.
   */
  void warmUp() {
    HttpClients.prepared(client());
  }
}
