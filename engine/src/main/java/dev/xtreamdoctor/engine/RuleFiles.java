package dev.xtreamdoctor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of a rule set: every {@code .drl}, {@code .dsl}, {@code .dslr} file and the catalogue,
 * read from a directory or from the bundled copy on the classpath.
 *
 * @param origin where the files came from, for messages ("bundled" or a directory)
 * @param directory the directory, or null for the bundled rules
 * @param files file name to content, sorted by name
 */
public record RuleFiles(String origin, Path directory, Map<String, String> files) {
  /** Where the rules module puts the rules on the classpath. */
  public static final String CLASSPATH_DIR = "xtream-doctor/rules/";

  public static final String CATALOGUE = "catalogue.properties";

  public RuleFiles {
    files = Map.copyOf(files);
  }

  /** The rules shipped inside the jar. */
  public static RuleFiles bundled() throws RulesException {
    URL marker = RuleFiles.class.getClassLoader().getResource(CLASSPATH_DIR + CATALOGUE);
    if (marker == null) {
      throw new RulesException("bundled rules", "the bundled rules are missing from the classpath");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = openJar(uri)) {
          return new RuleFiles("bundled", null, read(jar.getPath(CLASSPATH_DIR)));
        }
      }
      return new RuleFiles("bundled", null, read(Path.of(uri).getParent()));
    } catch (IOException | URISyntaxException e) {
      throw new RulesException("bundled rules", "cannot read the bundled rules: " + e.getMessage());
    }
  }

  /** The rules in a directory the user names. */
  public static RuleFiles fromDirectory(Path dir) throws RulesException {
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

  /** How a file is named in messages: its path for a directory, its name for the bundled set. */
  public String displayName(String file) {
    return directory == null ? "rules/" + file : directory.resolve(file).toString();
  }

  /** A short, stable hash of every file's name and text: the rule set's version. */
  public String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
              });
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static boolean isRuleFile(String name) {
    return name.endsWith(".drl") || name.endsWith(".dslr");
  }

  private static boolean isRuleSetFile(String name) {
    return isRuleFile(name) || name.endsWith(".dsl") || name.equals(CATALOGUE);
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        String name = p.getFileName().toString().replace("/", "");
        if (isRuleSetFile(name) && Files.isRegularFile(p)) {
          files.put(name, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return files;
  }

  private static FileSystem openJar(URI uri) throws IOException {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      // Another caller has it open: read through a second, private instance of the same jar.
      String jarPart = uri.getSchemeSpecificPart();
      Path jarFile = Path.of(URI.create(jarPart.substring(0, jarPart.indexOf("!/"))));
      return FileSystems.newFileSystem(jarFile);
    }
  }
}
