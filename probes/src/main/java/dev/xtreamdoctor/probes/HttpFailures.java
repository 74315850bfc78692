package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import jakarta.ws.rs.ProcessingException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.impl.classic.RequestFailedException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.TruncatedChunkException;

/**
 * What a failed exchange means, as an outcome code and a few words: by exception class, specific
 * classes first, before the headers and in the body. Never a panel's words, never a guess: an
 * exception this does not know is named by its class.
 */
final class HttpFailures {
  private HttpFailures() {}

  /** What a failure before the headers means, by exception class (specific classes first). */
  static Failure beforeHeaders(
      ProcessingException e, HttpExchange.Call call, HttpExchange.Target target) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    boolean plain = target.scheme().equals("http");
    for (Throwable c = cause; c != null; c = c.getCause()) {
      if (c instanceof MessageConstraintException m) {
        String msg = String.valueOf(m.getMessage()).toLowerCase(Locale.ROOT);
        if (msg.contains("line length")) {
          return new Failure(
              Outcome.HTTP_HEADER_TOO_LONG,
              "a header line went past " + HttpExchange.MAX_HEADER_LINE + " bytes");
        }
        if (msg.contains("header count")) {
          return new Failure(
              Outcome.HTTP_TOO_MANY_HEADERS,
              "more than " + HttpExchange.MAX_HEADER_COUNT + " headers");
        }
        return new Failure(
            Outcome.HTTP_NOT_HTTP, "lines that are no HTTP status line", wire(call, plain));
      }
      if (c instanceof ProtocolException || c instanceof org.apache.hc.core5.http.ParseException) {
        return new Failure(
            Outcome.HTTP_NOT_HTTP,
            "an answer that does not start with an HTTP status line",
            wire(call, plain));
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
        return new Failure(
            Outcome.HTTP_ERROR, "the TLS handshake failed (" + TlsProbe.classify(s, null) + ")");
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
    return new Failure(
        Outcome.HTTP_ERROR, "the request failed (" + cause.getClass().getSimpleName() + ")");
  }

  /** What a failure while reading the body means. */
  static Failure inBody(Throwable e, boolean gzip) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof TruncatedChunkException
          || c instanceof ConnectionClosedException
          || c instanceof EOFException) {
        return new Failure(Outcome.HTTP_TRUNCATED, "the body ended early");
      }
      if (c instanceof MalformedChunkCodingException) {
        return new Failure(Outcome.HTTP_NOT_HTTP, "the chunked body is not in chunks");
      }
      if (c instanceof ZipException) {
        return new Failure(
            Outcome.HTTP_ERROR,
            "the body is marked " + (gzip ? "gzip" : "compressed") + " but is not");
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
    return new Failure(
        Outcome.HTTP_ERROR, "reading the body failed (" + e.getClass().getSimpleName() + ")");
  }

  /** An outcome code, the words for it, and what the first bytes looked like. */
  record Failure(String outcome, String detail, List<String> signals) {
    Failure(String outcome, String detail) {
      this(outcome, detail, List.of());
    }
  }

  /** What the first bytes of a non-HTTP answer look like (plain connections only). */
  private static List<String> wire(HttpExchange.Call call, boolean plain) {
    if (!plain) {
      return List.of();
    }
    byte[] head = call.tap.head();
    if (head.length >= 3
        && (head[0] == 0x15 || head[0] == 0x16)
        && head[1] == 0x03
        && (head[2] & 0xff) <= 0x04) {
      return List.of(Vocabulary.TLS_RECORD); // a TLS alert or handshake record: the port speaks TLS
    }
    if (head.length >= 4 && head[0] == 'S' && head[1] == 'S' && head[2] == 'H' && head[3] == '-') {
      return List.of(Vocabulary.SSH_BANNER);
    }
    return List.of();
  }

  /** An OutOfMemoryError or the like is never turned into an outcome about the panel. */
  static void rethrowFatal(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof VirtualMachineError v) {
        throw v;
      }
      if (c.getCause() == c) {
        return;
      }
    }
  }
}
