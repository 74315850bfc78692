package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {
  @TempDir Path tmp;

  @Test
  void theBundledSetIsEveryRuleFileInTheRulesDirectory() throws Exception {
    // The build's index must name every file a support person adds to rules/, and nothing else.
    RuleFiles bundled = RuleFiles.bundled();
    RuleFiles source = RuleFiles.fromDirectory(Path.of("..", "rules"));
    assertEquals(source.files(), bundled.files());
    assertEquals(source.fingerprint(), bundled.fingerprint());
  }

  @Test
  void aJarWithoutAnIndexIsListed() throws Exception {
    Map<String, String> files = RuleFiles.bundled().files();
    Path jar = jar(files, null);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertEquals(files, RuleFiles.readBundled(loader).files());
    }
  }

  @Test
  void anIndexNamingAMissingFileIsRefused() throws Exception {
    Map<String, String> files = new HashMap<>(RuleFiles.bundled().files());
    String index = String.join("\n", files.keySet()) + "\n99-gone.drl\n";
    Path jar = jar(files, index);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      RulesException e = assertThrows(RulesException.class, () -> RuleFiles.readBundled(loader));
      assertTrue(e.getMessage().contains("99-gone.drl"), e.getMessage());
    }
  }

  @Test
  void theFingerprintFollowsNamesAndTexts() {
    String a = new RuleFiles("t", null, Map.of("a.drl", "rule x")).fingerprint();
    assertEquals(a, new RuleFiles("t", null, Map.of("a.drl", "rule x")).fingerprint());
    assertNotEquals(a, new RuleFiles("t", null, Map.of("a.drl", "rule y")).fingerprint());
    assertNotEquals(a, new RuleFiles("t", null, Map.of("b.drl", "rule x")).fingerprint());
    // Where one file ends and the next begins counts too.
    assertNotEquals(
        new RuleFiles("t", null, Map.of("a.drl", "ab", "b.drl", "c")).fingerprint(),
        new RuleFiles("t", null, Map.of("a.drl", "a", "b.drl", "bc")).fingerprint());
    assertTrue(a.matches("[0-9a-f]{16}"), a);
  }

  private Path jar(Map<String, String> files, String index) throws IOException {
    Path jar = tmp.resolve("rules.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        put(j, RuleFiles.CLASSPATH_DIR + f.getKey(), f.getValue());
      }
      put(j, RuleFiles.CLASSPATH_DIR + "README.md", "not a rule file");
      if (index != null) {
        put(j, RuleFiles.CLASSPATH_DIR + RuleFiles.INDEX, index);
      }
    }
    return jar;
  }

  private static void put(JarOutputStream j, String name, String text) throws IOException {
    j.putNextEntry(new JarEntry(name));
    j.write(text.getBytes(StandardCharsets.UTF_8));
    j.closeEntry();
  }
}
