package dev.xtreamdoctor.engine;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * JSON read from people and tools we do not control (facts files, request bodies): exactly one
 * document, no duplicate keys, bounded nesting, number and string lengths, and total size. Each
 * refusal names where it happened, as a path such as {@code facts[2].auth}, and never quotes a
 * value (a value may be a password).
 */
public final class StrictJson {
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Parsson's own depth guard, kept above ours so that ours, which names the path, trips first. */
  private static final JsonParserFactory PARSERS =
      JSON.createParserFactory(Map.of("org.eclipse.parsson.maxDepth", 1000));

  /**
   * What a document may hold.
   *
   * @param maxChars characters in the whole document
   * @param maxDepth arrays and objects nested in one another
   * @param maxNumberChars characters of one number
   * @param maxStringChars characters of one string or key
   */
  public record Limits(long maxChars, int maxDepth, int maxNumberChars, int maxStringChars) {
    /** Generous for any document this project reads, tight enough that none costs much to read. */
    public static Limits defaults(long maxChars) {
      return new Limits(maxChars, 32, 40, 16_384);
    }
  }

  /** A document that is refused; the message is one line. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private final JsonParser parser;
  private final Limits limits;

  private StrictJson(JsonParser parser, Limits limits) {
    this.parser = parser;
    this.limits = limits;
  }

  public static JsonValue read(String text, Limits limits) throws Invalid {
    if (text.length() > limits.maxChars()) {
      throw new Invalid(tooLarge(limits));
    }
    try {
      return read(new StringReader(text), limits);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string has no I/O
    }
  }

  /**
   * Reads one document from {@code in}, reading at most {@code limits.maxChars() + 1} characters.
   *
   * @throws IOException when reading fails (not for text that is not UTF-8: that is invalid)
   */
  public static JsonValue read(Reader in, Limits limits) throws Invalid, IOException {
    CountingReader counted = new CountingReader(in, limits.maxChars());
    try (JsonParser p = PARSERS.createParser(counted)) {
      StrictJson r = new StrictJson(p, limits);
      JsonParser.Event first;
      try {
        first = p.next();
      } catch (java.util.NoSuchElementException | JsonParsingException e) {
        if (counted.read == 0 || counted.blank) {
          throw new Invalid("empty: no JSON document");
        }
        throw e;
      }
      JsonValue v = r.value(first, "", 0);
      r.end();
      return v;
    } catch (TooLarge e) {
      throw new Invalid(tooLarge(limits));
    } catch (JsonParsingException e) {
      throw new Invalid("not valid JSON" + at(e.getLocation()));
    } catch (JsonException e) {
      if (e.getCause() instanceof IOException io && !(io instanceof CharacterCodingException)) {
        throw io;
      }
      throw new Invalid("not valid JSON text (not UTF-8?)");
    } catch (RuntimeException e) {
      // Parsson's own limits throw plain runtime exceptions; ours trip first, this is the backstop
      throw new Invalid("not valid JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Only white space may follow the document. */
  private void end() throws Invalid {
    boolean more;
    try {
      more = parser.hasNext();
    } catch (JsonParsingException e) {
      more = true;
    }
    if (more) {
      throw new Invalid("more after the JSON document" + at(parser.getLocation()));
    }
  }

  private JsonValue value(JsonParser.Event e, String path, int depth) throws Invalid {
    switch (e) {
      case START_OBJECT:
        return object(path, depth + 1);
      case START_ARRAY:
        return array(path, depth + 1);
      case VALUE_STRING:
        return JSON.createValue(string(path));
      case VALUE_NUMBER:
        return number(path);
      case VALUE_TRUE:
        return JsonValue.TRUE;
      case VALUE_FALSE:
        return JsonValue.FALSE;
      case VALUE_NULL:
        return JsonValue.NULL;
      default:
        throw new Invalid("not valid JSON" + at(parser.getLocation()));
    }
  }

  private JsonValue object(String path, int depth) throws Invalid {
    nesting(path, depth);
    JsonObjectBuilder b = JSON.createObjectBuilder();
    Set<String> keys = new HashSet<>();
    JsonParser.Event e;
    while ((e = parser.next()) != JsonParser.Event.END_OBJECT) {
      String key = string(path);
      String at = path.isEmpty() ? key : path + "." + key;
      if (!keys.add(key)) {
        throw new Invalid(name(at) + " appears twice");
      }
      b.add(key, value(parser.next(), at, depth));
    }
    return b.build();
  }

  private JsonValue array(String path, int depth) throws Invalid {
    nesting(path, depth);
    JsonArrayBuilder b = JSON.createArrayBuilder();
    JsonParser.Event e;
    int i = 0;
    while ((e = parser.next()) != JsonParser.Event.END_ARRAY) {
      b.add(value(e, path + "[" + i++ + "]", depth));
    }
    return b.build();
  }

  private void nesting(String path, int depth) throws Invalid {
    if (depth > limits.maxDepth()) {
      throw new Invalid(name(path) + " is nested more than " + limits.maxDepth() + " levels deep");
    }
  }

  private String string(String path) throws Invalid {
    String s = parser.getString();
    if (s.length() > limits.maxStringChars()) {
      throw new Invalid(
          name(path)
              + " holds a string of "
              + s.length()
              + " characters; at most "
              + limits.maxStringChars()
              + " are read");
    }
    return s;
  }

  private JsonValue number(String path) throws Invalid {
    String text = parser.getString();
    if (text.length() > limits.maxNumberChars()) {
      throw new Invalid(
          name(path)
              + " holds a number of "
              + text.length()
              + " characters; at most "
              + limits.maxNumberChars()
              + " are read");
    }
    BigDecimal n = new BigDecimal(text);
    if (Math.abs((long) n.scale()) > 400) {
      throw new Invalid(name(path) + " holds a number out of range");
    }
    return JSON.createValue(n);
  }

  /** A path for a message: printable, short; the document itself when empty. */
  static String name(String path) {
    if (path.isEmpty()) {
      return "the document";
    }
    String p =
        path.codePoints()
            .map(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return "\"" + (p.length() > 80 ? p.substring(0, 80) + "..." : p) + "\"";
  }

  private static String at(JsonLocation l) {
    return l == null ? "" : " at line " + l.getLineNumber() + ", column " + l.getColumnNumber();
  }

  private static String tooLarge(Limits limits) {
    return "larger than " + limits.maxChars() + " characters";
  }

  /** Thrown through the parser when the document is too large; never leaves this class. */
  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** Stops a document at its size limit, however it arrives (a file, a pipe, /dev/zero). */
  private static final class CountingReader extends Reader {
    private final Reader in;
    private final long max;
    long read;
    boolean blank = true;

    CountingReader(Reader in, long max) {
      this.in = in;
      this.max = max;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n > 0 && (read += n) > max) {
        throw new TooLarge();
      }
      for (int i = off; blank && i < off + Math.max(n, 0); i++) {
        blank = Character.isWhitespace(buf[i]);
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
