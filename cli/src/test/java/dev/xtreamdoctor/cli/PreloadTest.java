package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up preload only guesses; it must fill the default cache and never get in the way. */
class PreloadTest {
  @TempDir Path home;

  private Terminal terminalWithHome() {
    return new Terminal(
        CliRun.stdin(""), Map.of("HOME", home.toString()), false, StandardCharsets.UTF_8);
  }

  @Test
  void aDiagnosingCommandFillsTheDefaultCache() throws Exception {
    Engines.forgetLoaded();
    StartUp.preload(new String[] {"evaluate", "--facts", "x.json"}, terminalWithHome())
        .orElseThrow(() -> new AssertionError("evaluate with the bundled rules is preloaded"))
        .get(60, TimeUnit.SECONDS);
    assertEquals(1, entries(home.resolve(".cache/xtream-doctor")));
  }

  @Test
  void ownRulesOrConfigurationOrOtherCommandsAreNotPreloaded() throws Exception {
    for (String[] args :
        new String[][] {
          {"evaluate", "--rules", "somewhere"},
          {"diagnose", "--config=doctor.properties"},
          {"rules", "check"},
          {"--help"},
          {}
        }) {
      assertTrue(StartUp.preload(args, terminalWithHome()).isEmpty(), String.join(" ", args));
    }
    assertTrue(Files.notExists(home.resolve(".cache")));
  }

  @Test
  void onlyRulesAndCacheKeysStopThePreload() throws Exception {
    Engines.forgetLoaded();
    Map<String, String> dns =
        Map.of("HOME", home.toString(), "DOCTOR_DNS_SYSTEM_RESOLVERS", "127.0.0.1:5353");
    StartUp.preload(new String[] {"diagnose"}, withEnv(dns))
        .orElseThrow(() -> new AssertionError("resolvers do not change which rules load"))
        .get(60, TimeUnit.SECONDS);
    assertEquals(1, entries(home.resolve(".cache/xtream-doctor")));
    for (String key : new String[] {"DOCTOR_RULES_DIR", "DOCTOR_CACHE_ENABLED"}) {
      assertTrue(
          StartUp.preload(
                  new String[] {"evaluate"}, withEnv(Map.of("HOME", home.toString(), key, "x")))
              .isEmpty(),
          key);
    }
  }

  private static Terminal withEnv(Map<String, String> env) {
    return new Terminal(CliRun.stdin(""), env, false, StandardCharsets.UTF_8);
  }

  @Test
  void noHomeNoPreload() {
    Terminal homeless = new Terminal(CliRun.stdin(""), Map.of(), false, StandardCharsets.UTF_8);
    assertTrue(StartUp.preload(new String[] {"demo"}, homeless).isEmpty());
  }

  private static long entries(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(".bin")).count();
    }
  }
}
