package dev.xtreamdoctor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The text of a rule set: every {@code .drl}, {@code .dsl}, {@code .dslr} file, the catalogue (and
 * its translations, {@code catalogue_LANG.properties}) and the page signals, read from a directory
 * or from the bundled copy on the classpath. Immutable.
 */
public final class RuleFiles {
  /** Where the rules module puts the rules on the classpath. */
  public static final String CLASSPATH_DIR = "xtream-doctor/rules/";

  public static final String CATALOGUE = "catalogue.properties";

  /** The list of the bundled files, one name a line, written by the rules module's build. */
  static final String INDEX = "INDEX";

  private final String origin;
  private final Path directory;
  private final Map<String, String> files;
  private volatile String fingerprint;

  /**
   * @param origin where the files came from, for messages ("bundled" or a directory)
   * @param directory the directory, or null for the bundled rules
   * @param files file name to content
   */
  public RuleFiles(String origin, Path directory, Map<String, String> files) {
    this.origin = origin;
    this.directory = directory;
    this.files = Map.copyOf(files);
  }

  /** Where the files came from, for messages ("bundled" or a directory). */
  public String origin() {
    return origin;
  }

  /** The directory, or null for the bundled rules. */
  public Path directory() {
    return directory;
  }

  /** File name to content. */
  public Map<String, String> files() {
    return files;
  }

  /** The rules shipped inside the jar: read once per process, they cannot change under it. */
  public static RuleFiles bundled() throws RulesException {
    RuleFiles known = bundled;
    if (known == null) {
      known = readBundled(RuleFiles.class.getClassLoader());
      bundled = known;
    }
    return known;
  }

  private static volatile RuleFiles bundled;

  /** The rules on this class loader's classpath, read afresh. */
  static RuleFiles readBundled(ClassLoader loader) throws RulesException {
    URL marker = loader.getResource(CLASSPATH_DIR + CATALOGUE);
    if (marker == null) {
      throw new RulesException("bundled rules", "the bundled rules are missing from the classpath");
    }
    try {
      Map<String, String> indexed = readIndexed(loader);
      if (indexed != null) {
        return new RuleFiles("bundled", null, indexed);
      }
      if ("jar".equals(marker.getProtocol())) {
        return new RuleFiles("bundled", null, readJar(marker));
      }
      return new RuleFiles("bundled", null, read(Path.of(marker.toURI()).getParent()));
    } catch (IOException | URISyntaxException e) {
      throw new RulesException("bundled rules", "cannot read the bundled rules: " + e.getMessage());
    }
  }

  /** The rules in a directory the user names. */
  public static RuleFiles fromDirectory(Path dir) throws RulesException {
    if (Files.isRegularFile(dir)) {
      throw new RulesException(
          dir.toString(),
          "is a file; rules are read from a directory (the one holding the" + " .drl files)");
    }
    if (!Files.isDirectory(dir)) {
      throw new RulesException(dir.toString(), "no such rules directory");
    }
    try {
      Map<String, String> files = read(dir);
      if (files.keySet().stream().noneMatch(RuleFiles::isRuleFile)) {
        throw new RulesException(dir.toString(), "no .drl or .dslr files in this directory");
      }
      return new RuleFiles(dir.toString(), dir, files);
    } catch (IOException e) {
      throw new RulesException(dir.toString(), "cannot read the rules: " + e.getMessage());
    }
  }

  /**
   * The languages these files have words in: English (catalogue.properties), then each
   * catalogue_LANG.properties as a tag ({@code es}, {@code pt-BR}), in name order.
   */
  public java.util.Set<String> languages() {
    java.util.Set<String> tags = new java.util.LinkedHashSet<>();
    tags.add(Catalogue.ENGLISH);
    new TreeMap<>(files).keySet().forEach(name -> Languages.ofFile(name).ifPresent(tags::add));
    return java.util.Collections.unmodifiableSet(tags);
  }

  /** How a file is named in messages: its path for a directory, its name for the bundled set. */
  public String displayName(String file) {
    return directory == null ? "rules/" + file : directory.resolve(file).toString();
  }

  /** A short, stable hash of every file's name and text: the rule set's version. */
  public String fingerprint() {
    String known = fingerprint;
    if (known == null) {
      known = hash(files);
      fingerprint = known;
    }
    return known;
  }

  private static String hash(Map<String, String> files) {
    Fingerprint hash = new Fingerprint();
    new TreeMap<>(files).forEach((name, text) -> hash.add(name).add(text));
    return hash.hex();
  }

  static boolean isRuleFile(String name) {
    return name.endsWith(".drl") || name.endsWith(".dslr");
  }

  /** The files Drools compiles: the rules and the sentences they are written in. */
  static boolean isDroolsFile(String name) {
    return isRuleFile(name) || name.endsWith(".dsl");
  }

  /**
   * Whether these are the rules shipped in the jar, which the build has checked (so loading them
   * skips {@code rules check}'s lint and smoke evaluation).
   */
  public boolean isBundled() {
    return directory == null && origin.equals("bundled");
  }

  private static boolean isRuleSetFile(String name) {
    return isRuleFile(name)
        || name.endsWith(".dsl")
        || name.equals(CATALOGUE)
        || name.equals(PageSignals.FILE)
        || Languages.ofFile(name).isPresent();
  }

  /** The largest rule set file read, in bytes: far beyond any hand-written one. */
  static final long MAX_FILE_BYTES = 1 << 20;

  /** The most rules a set may hold: compiling 20,000 takes minutes, ours are a hundred. */
  static final int MAX_RULES = 2000;

  private static final java.util.regex.Pattern RULE_START =
      java.util.regex.Pattern.compile("(?m)^\\s*rule\\s");

  private static Map<String, String> read(Path dir) throws IOException, RulesException {
    Map<String, String> files = new TreeMap<>();
    int rules = 0;
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        String name = p.getFileName().toString().replace("/", "");
        if (isRuleSetFile(name) && Files.isRegularFile(p)) {
          String text = text(p);
          files.put(name, text);
          if (isRuleFile(name)) {
            rules += (int) RULE_START.matcher(text).results().count();
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (rules > MAX_RULES) {
      throw new RulesException(
          dir.toString(),
          "holds "
              + rules
              + " rules; a set of more than "
              + MAX_RULES
              + " is not compiled (it would take minutes)");
    }
    return files;
  }

  /**
   * A rule set file as text, or a problem that names it: not larger than {@link #MAX_FILE_BYTES},
   * UTF-8, no NUL (a binary file); a byte-order mark an editor added is dropped.
   */
  private static String text(Path p) throws IOException, RulesException {
    if (Files.size(p) > MAX_FILE_BYTES) {
      throw new RulesException(
          p.toString(), "larger than " + MAX_FILE_BYTES / 1024 + " KB: not a rules file");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p)))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new RulesException(
          p.toString(), "not UTF-8 text (a binary file, or another encoding); save it as UTF-8");
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int line = (int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1;
      throw new RulesException(
          p.toString(), "holds a NUL character at line " + line + ": not a text file");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * The files the rules module's build listed in {@link #INDEX}, or null where the classpath has no
   * index (rules copied there by an IDE). Start-up time: each is looked up by name, where listing
   * the rules directory of the application jar means walking its 16,000 entries.
   */
  private static Map<String, String> readIndexed(ClassLoader loader) throws IOException {
    String index = resource(loader, CLASSPATH_DIR + INDEX);
    if (index == null) {
      return null;
    }
    Map<String, String> files = new TreeMap<>();
    for (String name : index.split("\\R")) {
      if (name.isBlank()) {
        continue;
      }
      String text = resource(loader, CLASSPATH_DIR + name.strip());
      if (text == null) {
        throw new IOException("the index names " + name.strip() + ", which is missing");
      }
      files.put(name.strip(), text);
    }
    return files;
  }

  private static String resource(ClassLoader loader, String path) throws IOException {
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The rule files in the jar the marker is in. Start-up time: the JDK shares one parsed central
   * directory between every reader of a jar, so this only walks its entries; a zip file system
   * would parse them all again.
   */
  private static Map<String, String> readJar(URL marker) throws IOException {
    JarURLConnection connection = (JarURLConnection) marker.openConnection();
    connection.setUseCaches(false);
    Map<String, String> files = new TreeMap<>();
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String path = entry.getName();
        if (!path.startsWith(CLASSPATH_DIR) || entry.isDirectory()) {
          continue;
        }
        String name = path.substring(CLASSPATH_DIR.length());
        if (name.indexOf('/') < 0 && isRuleSetFile(name)) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return files;
  }
}
