package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README and the example scenario file stay true to the code. */
class DocumentationTest {
  @TempDir Path dir;

  @Test
  void readmeListsEveryScenario() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (String name : Scenarios.names()) {
      assertTrue(readme.contains(name + ",") || readme.contains(name + "."), name);
    }
  }

  @Test
  void exampleScenarioFileLoadsAndStarts() throws Exception {
    Path file = dir.resolve("example.properties");
    try (InputStream in = Simulation.class.getResourceAsStream("example-scenario.properties")) {
      Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    try (Simulation sim = Simulation.start(file)) {
      assertEquals("expired-behind-hijack", sim.name());
      assertEquals(PanelFamily.XUI, sim.spec().family());
      assertEquals(
          LineStatus.EXPIRED, sim.spec().account().effectiveStatus(java.time.Instant.now()));
      assertTrue(sim.blockPage().isPresent());
      assertTrue(sim.spec().overlays().isEmpty());
    }
  }
}
