package dev.xtreamdoctor.service;

import dev.xtreamdoctor.engine.Redactor;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log records as one JSON object per line, for journald, Loki or any log shipper: {@code time},
 * {@code level}, {@code logger}, {@code requestId} (of the request the line is about, when there is
 * one), {@code message}, the fields a record brings (an access line's method, route, status,
 * duration), and {@code error} and {@code stack} when it carries an exception. Every text passes
 * the engine's {@link Redactor} (passwords in URLs masked); the service scrubs a request's own
 * password before it logs.
 */
public final class JsonLogFormatter extends Formatter {
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Puts this formatter on every handler of the root logger (the console's, by default). */
  public static void install() {
    for (Handler h : Logger.getLogger("").getHandlers()) {
      h.setFormatter(new JsonLogFormatter());
    }
  }

  @Override
  public String format(LogRecord r) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("time", r.getInstant().toString())
            .add("level", level(r.getLevel()))
            .add("logger", String.valueOf(r.getLoggerName()));
    Map<?, ?> fields = fields(r);
    Object id =
        fields != null && fields.get("requestId") != null
            ? fields.get("requestId")
            : RequestIds.current();
    if (id != null) {
      b.add("requestId", id.toString());
    }
    b.add("message", Redactor.maskUrl(formatMessage(r)));
    if (fields != null) {
      fields.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            if (key.equals("requestId") || v == null) {
              return;
            }
            if (v instanceof Integer || v instanceof Long) {
              b.add(key, ((Number) v).longValue());
            } else if (v instanceof Number n) {
              b.add(key, n.doubleValue());
            } else if (v instanceof Boolean flag) {
              b.add(key, flag);
            } else {
              b.add(key, Redactor.maskUrl(v.toString()));
            }
          });
    }
    if (r.getThrown() != null) {
      Throwable t = r.getThrown();
      b.add("error", Redactor.maskUrl(t.getClass().getName() + ": " + t.getMessage()));
      StringWriter stack = new StringWriter();
      t.printStackTrace(new PrintWriter(stack));
      b.add("stack", Redactor.maskUrl(stack.toString()));
    }
    return b.build().toString() + System.lineSeparator();
  }

  /** A record's structured fields: its last parameter, when that is a map. */
  private static Map<?, ?> fields(LogRecord r) {
    Object[] p = r.getParameters();
    return p != null && p.length > 0 && p[p.length - 1] instanceof Map<?, ?> m ? m : null;
  }

  /** System.Logger's names (java.util.logging's SEVERE is ERROR, FINE is DEBUG). */
  private static String level(Level l) {
    int v = l.intValue();
    return v >= Level.SEVERE.intValue()
        ? "ERROR"
        : v >= Level.WARNING.intValue()
            ? "WARNING"
            : v >= Level.INFO.intValue() ? "INFO" : v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
  }
}
