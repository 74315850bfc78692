package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    Engines.preload(new String[] {"evaluate", "--facts", "x.json"}, terminalWithHome());
    Path cache = home.resolve(".cache/xtream-doctor");
    // The preload runs on a daemon thread; wait for its entry (compiling may take a while).
    for (int i = 0; i < 600 && entries(cache) == 0; i++) {
      Thread.sleep(50);
    }
    assertEquals(1, entries(cache));
  }

  @Test
  void ownRulesOrOtherCommandsAreNotPreloaded() throws Exception {
    Engines.preload(new String[] {"evaluate", "--rules", "somewhere"}, terminalWithHome());
    Engines.preload(new String[] {"rules", "check"}, terminalWithHome());
    Engines.preload(new String[] {"--help"}, terminalWithHome());
    Thread.sleep(200);
    assertTrue(Files.notExists(home.resolve(".cache")));
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
