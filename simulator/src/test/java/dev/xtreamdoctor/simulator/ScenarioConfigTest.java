package dev.xtreamdoctor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios described by support staff in a properties or JSON file. */
class ScenarioConfigTest {
  @TempDir Path dir;

  @Test
  void propertiesFileDescribesAPanelLineFaultsAndResolvers() throws Exception {
    Path file = dir.resolve("case.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "name = expired-behind-filter",
            "description = XUI, expired line, UA filter, ISP hijack",
            "family = xui",
            "username = carol",
            "password = pw-778",
            "exp_date = past   # thirty days ago",
            "max_connections = 3",
            "overlays = ua-filter 403 allow VLC; slow 10",
            "dns.system = hijack",
            "dns.public = answer"));
    ScenarioSpec spec = ScenarioConfig.load(file);
    assertEquals("expired-behind-filter", spec.name());
    assertEquals(PanelFamily.XUI, spec.family());
    assertEquals("carol", spec.typedUsername());
    assertEquals(3, spec.account().maxConnections());
    assertEquals(java.util.List.of("ua-filter 403 allow VLC", "slow 10"), spec.overlays());
    try (Simulation sim = Simulation.start(file)) {
      RawHttp.Answer filtered = SimulationTest.login(sim, sim.publicDns());
      assertEquals(403, filtered.status()); // okhttp is not VLC
      assertTrue(sim.blockPage().isPresent());
    }
  }

  @Test
  void jsonFileWithNestedKeysAndABaseScenario() throws Exception {
    Path file = dir.resolve("case.json");
    Files.writeString(
        file,
        """
        {"name": "mine", "base": "bad-credentials-xc2",
         "exp_date": null,
         "dns": {"system": "servfail"},
         "overlays": ["cloudflare proxy"]}
        """);
    ScenarioSpec spec = ScenarioConfig.load(file);
    assertEquals("mine", spec.name());
    assertEquals(PanelFamily.XC2, spec.family());
    assertEquals("sim-Pass-4812", spec.typedPassword(), "typed credentials come from the base");
    assertNull(spec.account().expDate());
    assertEquals("servfail", spec.systemDns());
    try (Simulation sim = Simulation.start(file)) {
      RawHttp.Answer a = SimulationTest.login(sim, sim.publicDns());
      assertEquals("{\"user_info\":{\"auth\":0}}", a.bodyText());
      assertEquals("cloudflare", a.header("Server"));
    }
  }

  @Test
  void mistakesAreOneClearLineNamingTheFile() throws Exception {
    assertProblem("famly = xui", "unknown key 'famly'");
    assertProblem("family = xtream", "unknown panel family 'xtream' (use xc2 or xui)");
    assertProblem("status = Paused", "unknown line status 'Paused'");
    assertProblem("overlays = wobble", "unknown overlay 'wobble'");
    assertProblem("dns.system = answer panel.example.com", "not an IP address");
    assertProblem("max_connections = lots", "max_connections must be a whole number, not 'lots'");
    assertProblem("base = nope", "unknown scenario 'nope'");
    Path json = dir.resolve("broken.json");
    Files.writeString(json, "{\"name\": ");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ScenarioConfig.load(json));
    assertTrue(e.getMessage().startsWith(json + ": not a JSON object"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ScenarioConfig.load(dir.resolve("missing.properties")));
  }

  private void assertProblem(String line, String expected) throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, line + "\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ScenarioConfig.load(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
