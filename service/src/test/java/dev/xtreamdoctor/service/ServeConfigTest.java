package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.config.ConfigException;
import dev.xtreamdoctor.engine.config.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's own section of the configuration, doctor.serve.*, loaded beside the engine's keys.
 */
class ServeConfigTest {
  @TempDir Path dir;

  @Test
  void theServiceKeysLoadFromTheSameFileAsTheEngineKeys() throws Exception {
    Path file = dir.resolve("doctor.properties");
    Files.writeString(
        file,
        "doctor.serve.tokens=0123456789abcdef0123\ndoctor.serve.port=9911\ndoctor.serve.ports=80, 8080\ndoctor.timeout.connect-ms=1234\n");
    Configuration c = Configuration.load(Optional.of(file), List.of(ServeConfig.class));
    assertEquals(9911, c.section(ServeConfig.class).port());
    assertEquals(List.of(80, 8080), c.section(ServeConfig.class).ports());
    assertEquals(1234, c.doctor().timeout().connectMs());
    assertEquals("127.0.0.1", ServeSettings.from(c.section(ServeConfig.class)).host());
  }

  @Test
  void aMisspeltServiceKeyIsRefusedWithTheKeyItWasMeantToBe() throws Exception {
    Path file = dir.resolve("doctor.properties");
    Files.writeString(file, "doctor.serve.rate-per-secnd=5\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> Configuration.load(Optional.of(file), List.of(ServeConfig.class)));
    assertTrue(
        e.getMessage().contains("did you mean doctor.serve.rate-per-second?"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void everyServiceKeyIsInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> keys =
        Configuration.keys(List.of(ServeConfig.class)).stream()
            .filter(k -> k.startsWith("doctor.serve."))
            .toList();
    assertTrue(keys.size() >= 25, keys.toString());
    for (String key : keys) {
      String name = key.substring("doctor.serve.".length());
      assertTrue(
          readme.contains("`" + name + "`") || readme.contains("`" + key + "`"),
          key + " is not in the README");
    }
  }
}
