package dev.xtreamdoctor.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines {@code GET /probe?line=NAME} may diagnose ({@code doctor.serve.lines-file}), in the
 * Java properties format, one group of keys per line:
 *
 * <pre>
 * line.living-room.server = http://panel.example.com:8080
 * line.living-room.username = alice
 * line.living-room.password-file = /etc/xtream-doctor/living-room.password
 * </pre>
 *
 * The password is read from its file (first line, as {@code diagnose --password-file} reads it) at
 * each probe, so it never sits in this file, a URL, a label or a log; a relative path is taken from
 * the lines file's folder. A name is letters, digits, {@code -} and {@code _}, at most 64.
 */
public final class ProbeLines {
  /** One line to probe. */
  public record Line(
      String name, String server, String username, Path passwordFile, String vantage) {
    @Override
    public String toString() {
      return "Line[" + name + "]";
    }
  }

  private static final Pattern KEY =
      Pattern.compile("line\\.([A-Za-z0-9_-]{1,64})\\.(server|username|password-file|vantage)");
  private static final Set<String> VANTAGES = Set.of("remote", "user_network", "user-network");
  private static final int MAX_PASSWORD_CHARS = 2048;
  private static final long MAX_FILE_BYTES = 1 << 20;

  private final Map<String, Line> lines;

  private ProbeLines(Map<String, Line> lines) {
    this.lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
  }

  /** No lines: {@code /probe} answers 404 for any name. */
  public static ProbeLines none() {
    return new ProbeLines(Map.of());
  }

  /**
   * Reads a lines file.
   *
   * @throws IllegalArgumentException naming the key ({@code doctor.serve.lines-file}), the file and
   *     what is wrong, in one line
   */
  public static ProbeLines load(Path file) {
    String where = "doctor.serve.lines-file: " + file;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(where + ": no such file");
    }
    Properties p = new Properties();
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(where + ": larger than 1 MiB");
      }
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          where + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, Map<String, String>> byName = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      Matcher m = KEY.matcher(key);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            where
                + ": \""
                + key
                + "\" is not line.NAME.server, .username, .password-file or .vantage"
                + " (NAME: letters, digits, - and _)");
      }
      byName
          .computeIfAbsent(m.group(1), n -> new LinkedHashMap<>())
          .put(m.group(2), p.getProperty(key).strip());
    }
    Map<String, Line> lines = new LinkedHashMap<>();
    Path dir = file.toAbsolutePath().getParent();
    for (Map.Entry<String, Map<String, String>> e : byName.entrySet()) {
      String name = e.getKey();
      Map<String, String> v = e.getValue();
      for (String needed : new String[] {"server", "username", "password-file"}) {
        if (v.getOrDefault(needed, "").isEmpty()) {
          throw new IllegalArgumentException(where + ": line " + name + " has no " + needed);
        }
      }
      String vantage = v.getOrDefault("vantage", "remote").replace('-', '_');
      if (!VANTAGES.contains(vantage)) {
        throw new IllegalArgumentException(
            where + ": line " + name + ": vantage is remote or user-network");
      }
      Path pw = dir.resolve(v.get("password-file"));
      if (!Files.isReadable(pw) || Files.isDirectory(pw)) {
        throw new IllegalArgumentException(
            where + ": line " + name + ": cannot read its password file " + pw);
      }
      lines.put(name, new Line(name, v.get("server"), v.get("username"), pw, vantage));
    }
    return new ProbeLines(lines);
  }

  public Optional<Line> line(String name) {
    return Optional.ofNullable(lines.get(name));
  }

  public Map<String, Line> all() {
    return lines;
  }

  /**
   * The first line of the line's password file: no byte-order mark or line end, at most 2,048
   * characters, UTF-8.
   *
   * @throws IOException naming the file, never its content
   */
  static String password(Line line) throws IOException {
    try (InputStream in = Files.newInputStream(line.passwordFile());
        Reader r =
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      StringBuilder b = new StringBuilder();
      int c;
      while ((c = r.read()) >= 0 && c != '\n') {
        if (b.length() == 0 && c == '\uFEFF') {
          continue;
        }
        if (b.length() >= MAX_PASSWORD_CHARS || c == 0) {
          throw new IOException(
              line.passwordFile()
                  + ": not a password file (a NUL, or a first line over 2,048 characters)");
        }
        b.append((char) c);
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) == '\r') {
        b.setLength(b.length() - 1);
      }
      if (b.length() == 0) {
        throw new IOException(line.passwordFile() + ": empty; no password in it");
      }
      return b.toString();
    } catch (CharacterCodingException e) {
      throw new IOException(line.passwordFile() + ": not UTF-8 text");
    }
  }
}
