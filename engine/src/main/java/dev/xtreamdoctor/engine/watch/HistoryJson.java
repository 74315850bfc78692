package dev.xtreamdoctor.engine.watch;

import dev.xtreamdoctor.engine.FileErrors;
import dev.xtreamdoctor.engine.StrictJson;
import dev.xtreamdoctor.engine.watch.CheckRecord.Account;
import dev.xtreamdoctor.engine.watch.CheckRecord.Phases;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A watch's history as <a href="https://jsonlines.org">JSON Lines</a>: one check per line, e.g.
 *
 * <pre>
 * {"time":"2026-03-02T19:05:00+01:00","category":"CONNECTION_TIMEOUT","cause":"HTTP_NO_ANSWER",
 * "layer":"http","title":"...","dnsSystemMs":4,"dnsPublicMs":5,"connectMs":1,"loginMs":10002,
 * "totalMs":10040}</pre>
 *
 * A phase that was not reached has no key; {@code account} is there when the panel answered the
 * login. Read strictly: a line that is not one check is refused with its file and line number.
 */
public final class HistoryJson {
  private HistoryJson() {}

  private static final JsonProvider JSON = JsonProvider.provider();

  /** The most one line may hold: far beyond a real one (about 400 characters). */
  static final int MAX_LINE_CHARS = 16_384;

  /** The most checks a history may hold: a check a minute for half a year. */
  public static final int MAX_CHECKS = 262_144;

  private static final StrictJson.Limits LIMITS =
      new StrictJson.Limits(MAX_LINE_CHARS, 4, 40, 4096);

  private static final Set<String> KEYS =
      Set.of(
          "time",
          "category",
          "cause",
          "layer",
          "title",
          "dnsSystemMs",
          "dnsPublicMs",
          "connectMs",
          "tlsMs",
          "loginMs",
          "totalMs",
          "account");
  private static final Set<String> ACCOUNT_KEYS =
      Set.of("status", "expDate", "activeConnections", "maxConnections", "trial");

  /** A history that cannot be read; the message names the file, the line and the problem. */
  public static final class HistoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public HistoryException(String message) {
      super(message);
    }
  }

  /** One check as one line of JSON, without the line end. */
  public static String line(CheckRecord c) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add(
                "time",
                c.time()
                    .truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
            .add("category", c.category())
            .add("cause", c.cause())
            .add("layer", c.layer())
            .add("title", c.title());
    Phases p = c.phases();
    phase(b, "dnsSystemMs", p.dnsSystemMs());
    phase(b, "dnsPublicMs", p.dnsPublicMs());
    phase(b, "connectMs", p.connectMs());
    phase(b, "tlsMs", p.tlsMs());
    phase(b, "loginMs", p.loginMs());
    phase(b, "totalMs", p.totalMs());
    c.account()
        .ifPresent(
            a ->
                b.add(
                    "account",
                    JSON.createObjectBuilder()
                        .add("status", a.status())
                        .add("expDate", a.expDate())
                        .add("activeConnections", a.activeConnections())
                        .add("maxConnections", a.maxConnections())
                        .add("trial", a.trial())));
    return b.build().toString();
  }

  private static void phase(JsonObjectBuilder b, String key, long ms) {
    if (ms != CheckRecord.NOT_REACHED) {
      b.add(key, ms);
    }
  }

  /** Reads a history file: every check in it, in file order. */
  public static List<CheckRecord> read(Path file) throws HistoryException {
    if (Files.isDirectory(file)) {
      throw new HistoryException(file + ": is a directory, not a history file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (IOException e) {
      throw new HistoryException(
          file
              + ": "
              + FileErrors.describe(e, "cannot read it (" + e.getClass().getSimpleName() + ")"));
    }
  }

  /** Reads a history from {@code in}, named {@code source} in messages. */
  public static List<CheckRecord> read(String source, InputStream in)
      throws HistoryException, IOException {
    BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
    List<CheckRecord> checks = new ArrayList<>();
    int number = 0;
    try {
      StringBuilder line = new StringBuilder();
      while (readLine(r, line, source, number + 1)) {
        number++;
        String text = line.toString().strip();
        if (number == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (text.isEmpty()) {
          continue;
        }
        if (checks.size() >= MAX_CHECKS) {
          throw new HistoryException(
              source
                  + ": more than "
                  + MAX_CHECKS
                  + " checks; split the history or start a new one");
        }
        checks.add(check(text, source + ":" + number));
      }
    } catch (CharacterCodingException e) {
      throw new HistoryException(source + ":" + (number + 1) + ": not UTF-8 text");
    }
    return checks;
  }

  /** One line into {@code into}, never more than {@link #MAX_LINE_CHARS}; false at the end. */
  private static boolean readLine(BufferedReader r, StringBuilder into, String source, int number)
      throws IOException, HistoryException {
    into.setLength(0);
    int c = r.read();
    if (c < 0) {
      return false;
    }
    while (c >= 0 && c != '\n') {
      if (into.length() >= MAX_LINE_CHARS) {
        throw new HistoryException(
            source
                + ":"
                + number
                + ": longer than "
                + MAX_LINE_CHARS
                + " characters: not a history line");
      }
      into.append((char) c);
      c = r.read();
    }
    return true;
  }

  /** One check from one line of JSON. */
  public static CheckRecord check(String text, String where) throws HistoryException {
    JsonValue v;
    try {
      v = StrictJson.read(text, LIMITS);
    } catch (StrictJson.Invalid e) {
      throw new HistoryException(where + ": " + e.getMessage());
    }
    if (!(v instanceof JsonObject o)) {
      throw new HistoryException(where + ": expected one JSON object per line (one check)");
    }
    unknownKeys(o, KEYS, where);
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text(o, "time", where, true));
    } catch (DateTimeParseException e) {
      throw new HistoryException(
          where
              + ": \"time\" is not a date and time with an offset (e.g. 2026-03-02T19:05:00+01:00)");
    }
    String category = text(o, "category", where, true);
    if (!category.matches("[A-Z_]{1,64}")) {
      throw new HistoryException(
          where + ": \"category\" is not a category (e.g. CONNECTION_TIMEOUT)");
    }
    String cause = text(o, "cause", where, false);
    if (!cause.matches("[A-Z0-9_]{0,64}")) {
      throw new HistoryException(where + ": \"cause\" is not a cause id (e.g. HTTP_NO_ANSWER)");
    }
    Phases phases =
        new Phases(
            millis(o, "dnsSystemMs", where),
            millis(o, "dnsPublicMs", where),
            millis(o, "connectMs", where),
            millis(o, "tlsMs", where),
            millis(o, "loginMs", where),
            millis(o, "totalMs", where));
    Optional<Account> account = Optional.empty();
    if (o.containsKey("account")) {
      if (!(o.get("account") instanceof JsonObject a)) {
        throw new HistoryException(where + ": \"account\" must be an object");
      }
      String at = where + ": account";
      unknownKeys(a, ACCOUNT_KEYS, at);
      account =
          Optional.of(
              new Account(
                  text(a, "status", at, false),
                  number(a, "expDate", at, -1, 0),
                  count(a, "activeConnections", at),
                  count(a, "maxConnections", at),
                  a.containsKey("trial") && a.get("trial") == JsonValue.TRUE));
    }
    return new CheckRecord(
        time,
        category,
        cause,
        text(o, "layer", where, false),
        text(o, "title", where, false),
        phases,
        account);
  }

  private static void unknownKeys(JsonObject o, Set<String> known, String where)
      throws HistoryException {
    for (String k : o.keySet()) {
      if (!known.contains(k)) {
        throw new HistoryException(
            where
                + ": unknown key \""
                + k
                + "\" (known: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  private static String text(JsonObject o, String key, String where, boolean required)
      throws HistoryException {
    JsonValue v = o.get(key);
    if (v == null) {
      if (required) {
        throw new HistoryException(where + ": no \"" + key + "\"");
      }
      return "";
    }
    if (!(v instanceof JsonString s)) {
      throw new HistoryException(where + ": \"" + key + "\" must be a string");
    }
    return s.getString();
  }

  private static long millis(JsonObject o, String key, String where) throws HistoryException {
    return o.containsKey(key) ? number(o, key, where, 0, 0) : CheckRecord.NOT_REACHED;
  }

  private static int count(JsonObject o, String key, String where) throws HistoryException {
    long n = number(o, key, where, 0, 0);
    if (n > Integer.MAX_VALUE) {
      throw new HistoryException(where + ": \"" + key + "\" is out of range");
    }
    return (int) n;
  }

  private static long number(JsonObject o, String key, String where, long min, long absent)
      throws HistoryException {
    JsonValue v = o.get(key);
    if (v == null) {
      return absent;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw new HistoryException(where + ": \"" + key + "\" must be a whole number");
    }
    try {
      long value = n.longValueExact();
      if (value < min) {
        throw new HistoryException(where + ": \"" + key + "\" must be " + min + " or more");
      }
      return value;
    } catch (ArithmeticException e) {
      throw new HistoryException(where + ": \"" + key + "\" is out of range");
    }
  }
}
