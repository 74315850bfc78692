package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.Fact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The example facts shipped with the rules ({@code examples/facts/} in the repository, one file per
 * cause): what every rule set is smoke-evaluated on before it is used, and what scenarios start
 * from. Read once per process from the classpath, through the index the rules module's build
 * writes.
 */
public final class Examples {
  /** Where the rules module puts the examples on the classpath. */
  public static final String CLASSPATH_DIR = "xtream-doctor/examples/facts/";

  /**
   * One example facts file.
   *
   * @param name its file name, e.g. {@code banned.json}
   * @param facts its facts
   */
  public record Example(String name, List<Fact> facts) {
    public Example {
      facts = List.copyOf(facts);
    }
  }

  private static volatile List<Example> bundled;

  private Examples() {}

  /** Every bundled example, in file-name order; none when the classpath has no index. */
  public static List<Example> bundled() {
    List<Example> known = bundled;
    if (known == null) {
      known = read(Examples.class.getClassLoader());
      bundled = known;
    }
    return known;
  }

  private static List<Example> read(ClassLoader loader) {
    String index = text(loader, CLASSPATH_DIR + "INDEX");
    if (index == null) {
      return List.of();
    }
    List<Example> examples = new ArrayList<>();
    for (String name :
        index.lines().map(String::strip).filter(n -> !n.isEmpty()).sorted().toList()) {
      String json = text(loader, CLASSPATH_DIR + name);
      if (json == null) {
        throw new IllegalStateException("the examples index names " + name + ", which is missing");
      }
      try {
        examples.add(new Example(name, FactsJson.read(json)));
      } catch (FactsJson.FactsException e) {
        throw new IllegalStateException(
            "the bundled example " + name + " cannot be read: " + e.getMessage(), e);
      }
    }
    return List.copyOf(examples);
  }

  private static String text(ClassLoader loader, String path) {
    try (InputStream in = loader.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
