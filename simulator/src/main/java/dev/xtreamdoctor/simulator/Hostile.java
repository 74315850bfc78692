package dev.xtreamdoctor.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Hostile servers, byte by byte: answers that no honest panel gives but a broken or malicious one
 * (or whatever listens on a wrong port) does. Each is streamed, so an endless or huge answer costs
 * the simulator no memory, and each stops when the client goes away or after {@link #MAX_TIME}. In
 * scenario files: {@code hostile NAME [ARG]}.
 *
 * <p>To add one, write a method returning an {@link Overlay} and register it in {@link #NAMED} with
 * its one-line description; {@link OverlaySpec} and the documentation test pick it up.
 */
public final class Hostile {
  /** No hostile answer streams for longer than this, whatever the client does. */
  static final Duration MAX_TIME = Duration.ofSeconds(60);

  private static final byte[] CRLF = {'\r', '\n'};

  /** A named behaviour: how to build it from its arguments, and what it does. */
  record Named(String description, Function<List<String>, Overlay> build) {}

  /** Every behaviour by name, in the order {@code simulate --help} and the README list them. */
  static final Map<String, Named> NAMED = named();

  private Hostile() {}

  private static Map<String, Named> named() {
    Map<String, Named> m = new LinkedHashMap<>();
    m.put(
        "endless-header-line",
        new Named("a header line that never ends", a -> endlessHeaderLine()));
    m.put(
        "many-headers",
        new Named(
            "COUNT short headers (default a million)", a -> manyHeaders(count(a, 1_000_000))));
    m.put(
        "huge-body",
        new Named(
            "a body of BYTES (default 2 GB) with its Content-Length",
            a -> hugeBody(count(a, 2L << 30))));
    m.put("endless-chunked", new Named("a chunked body that never ends", a -> endlessChunked()));
    m.put(
        "gzip-bomb",
        new Named(
            "a small gzip body that inflates to BYTES (default 10 GB)",
            a -> gzipBomb(count(a, 10L << 30))));
    m.put("garbage", new Named("binary bytes that are no HTTP at all, then close", a -> garbage()));
    m.put("ssh", new Named("an SSH server's banner, then silence (an SSH port)", a -> sshBanner()));
    m.put(
        "tls-alert",
        new Named("a TLS alert record, as a TLS port answers plain HTTP", a -> tlsAlert()));
    return Collections.unmodifiableMap(m);
  }

  /** The names, for help texts. */
  public static List<String> names() {
    return List.copyOf(NAMED.keySet());
  }

  /** One line per behaviour: {@code name - description}. */
  public static List<String> describe() {
    return NAMED.entrySet().stream()
        .map(e -> e.getKey() + " - " + e.getValue().description())
        .toList();
  }

  static Overlay named(String name, List<String> args) {
    Named n = NAMED.get(name.toLowerCase(Locale.ROOT));
    if (n == null) {
      throw new IllegalArgumentException(
          "unknown hostile behaviour '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return n.build().apply(args);
  }

  /** {@code X-Endless: aaaa...} without end. */
  public static Overlay endlessHeaderLine() {
    return raw(
        out -> {
          head(out, "HTTP/1.1 200 OK", "Content-Type: application/json");
          out.write("X-Endless: ".getBytes(StandardCharsets.US_ASCII));
          byte[] a = filled(64 * 1024, (byte) 'a');
          long end = deadline();
          while (System.nanoTime() < end) {
            out.write(a);
          }
        });
  }

  /** {@code count} headers of a few bytes each, then an empty JSON object. */
  public static Overlay manyHeaders(long count) {
    return raw(
        out -> {
          head(out, "HTTP/1.1 200 OK", "Content-Type: application/json");
          long end = deadline();
          for (long i = 0; i < count && System.nanoTime() < end; i++) {
            out.write(("X-Filler-" + i + ": x").getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
          }
          out.write("Content-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
        });
  }

  /** A body of {@code bytes} spaces and braces, announced by its Content-Length. */
  public static Overlay hugeBody(long bytes) {
    return raw(
        out -> {
          head(
              out, "HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: " + bytes);
          out.write(CRLF);
          byte[] chunk = filled(64 * 1024, (byte) ' ');
          chunk[0] = '{';
          long sent = 0;
          long end = deadline();
          while (sent < bytes && System.nanoTime() < end) {
            int n = (int) Math.min(chunk.length, bytes - sent);
            out.write(chunk, 0, n);
            sent += n;
            chunk[0] = ' ';
          }
        });
  }

  /** Chunks of 8 KiB, never the last one. */
  public static Overlay endlessChunked() {
    return raw(
        out -> {
          head(
              out,
              "HTTP/1.1 200 OK",
              "Content-Type: application/json",
              "Transfer-Encoding: chunked");
          out.write(CRLF);
          byte[] chunk = filled(8192, (byte) ' ');
          byte[] size =
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          long end = deadline();
          while (System.nanoTime() < end) {
            out.write(size);
            out.write(chunk);
            out.write(CRLF);
          }
        });
  }

  /** A gzip body of zeros: a few kilobytes on the wire for {@code inflated} bytes unpacked. */
  public static Overlay gzipBomb(long inflated) {
    return raw(
        out -> {
          head(
              out,
              "HTTP/1.1 200 OK",
              "Content-Type: application/json",
              "Content-Encoding: gzip",
              "Transfer-Encoding: chunked");
          out.write(CRLF);
          ChunkedStream chunked = new ChunkedStream(out);
          GZIPOutputStream gzip = new GZIPOutputStream(chunked, 64 * 1024);
          byte[] zeros = new byte[64 * 1024];
          long written = 0;
          long end = deadline();
          while (written < inflated && System.nanoTime() < end) {
            int n = (int) Math.min(zeros.length, inflated - written);
            gzip.write(zeros, 0, n);
            written += n;
          }
          gzip.finish();
          chunked.finish();
        });
  }

  /** Four kilobytes of bytes that start with nothing like HTTP, then a close. */
  public static Overlay garbage() {
    return raw(
        out -> {
          byte[] junk = new byte[4096];
          new Random(42).nextBytes(junk);
          junk[0] = 0; // never a letter: no status line can start here
          out.write(junk);
        });
  }

  /** What an SSH server says first; then it waits for the client's banner. */
  public static Overlay sshBanner() {
    return raw(
        out -> {
          out.write(
              "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          pause(Duration.ofSeconds(30));
        });
  }

  /** A fatal TLS alert (protocol version), as a TLS server answers bytes that are no TLS. */
  public static Overlay tlsAlert() {
    return raw(out -> out.write(new byte[] {0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46}));
  }

  private static Overlay raw(Reply.RawWriter writer) {
    return (request, next) -> Reply.raw(writer);
  }

  private static void head(OutputStream out, String... lines) throws IOException {
    for (String l : lines) {
      out.write(l.getBytes(StandardCharsets.US_ASCII));
      out.write(CRLF);
    }
  }

  private static long deadline() {
    return System.nanoTime() + MAX_TIME.toNanos();
  }

  private static byte[] filled(int size, byte b) {
    byte[] out = new byte[size];
    Arrays.fill(out, b);
    return out;
  }

  private static void pause(Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("simulator closing");
    }
  }

  private static long count(List<String> args, long otherwise) {
    if (args.isEmpty()) {
      return otherwise;
    }
    String a = args.get(0).toLowerCase(Locale.ROOT);
    long unit =
        a.endsWith("g") ? 1L << 30 : a.endsWith("m") ? 1L << 20 : a.endsWith("k") ? 1L << 10 : 1;
    String digits = unit == 1 ? a : a.substring(0, a.length() - 1);
    return Long.parseLong(digits) * unit;
  }

  /** Chunked transfer coding around a stream, so a gzip body needs no length up front. */
  private static final class ChunkedStream extends OutputStream {
    private final OutputStream out;

    ChunkedStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(b, off, len);
      out.write(CRLF);
    }

    void finish() throws IOException {
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }
}
