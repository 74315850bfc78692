package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.config.Configuration;
import dev.xtreamdoctor.service.ServeConfig;
import dev.xtreamdoctor.service.ServeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/systemd stays true: the unit starts the program the Debian package installs with a command
 * line this CLI accepts, and the example configuration and environment file hold only keys that
 * exist, with values serve starts with.
 */
class SystemdUnitTest {
  private static final Path DIR = Path.of("..", "deploy", "systemd");

  @TempDir Path tmp;

  private static List<String> directive(String unit, String name) {
    List<String> values = new ArrayList<>();
    for (String line : unit.split("\n")) {
      if (line.startsWith(name + "=")) {
        values.add(line.substring(name.length() + 1).strip());
      }
    }
    return values;
  }

  @Test
  void execStartRunsTheInstalledProgramWithOptionsServeHas() throws Exception {
    String unit = Files.readString(DIR.resolve("xtream-doctor.service"));
    List<String> exec = directive(unit, "ExecStart");
    assertEquals(1, exec.size(), exec.toString());
    List<String> argv = Arrays.asList(exec.get(0).split("\\s+"));
    assertEquals("/usr/bin/xtream-doctor", argv.get(0));
    assertTrue(
        Files.readString(Path.of("..", ".ci", "run")).contains("== /usr/bin/xtream-doctor"),
        "CI checks the Debian package installs /usr/bin/xtream-doctor");
    assertEquals("serve", argv.get(1));
    CliRun help = CliRun.run("serve", "--help");
    assertEquals(0, help.exitCode(), help.toString());
    for (String arg : argv.subList(2, argv.size())) {
      if (arg.startsWith("-")) {
        assertTrue(help.out().contains(arg), arg + " is not an option of serve:\n" + help.out());
      }
    }
    assertEquals("/etc/xtream-doctor/serve.properties", argv.get(argv.indexOf("--config") + 1));
    assertEquals(List.of("/etc/xtream-doctor/serve.env"), directive(unit, "EnvironmentFile"));
    assertEquals(List.of("yes"), directive(unit, "DynamicUser"));
    assertEquals(List.of("strict"), directive(unit, "ProtectSystem"));
    assertEquals(List.of("yes"), directive(unit, "NoNewPrivileges"));
  }

  @Test
  void theExampleConfigurationHoldsOnlyRealKeysAndServeStartsWithIt() throws Exception {
    Path shipped = DIR.resolve("serve.properties");
    // the unit's cache directory is the configuration's cache directory
    String unit = Files.readString(DIR.resolve("xtream-doctor.service"));
    assertTrue(
        Files.readString(shipped)
            .contains(
                "doctor.cache.dir = /var/cache/"
                    + directive(unit, "CacheDirectory").get(0)
                    + "\n"));
    // loaded as serve loads it (a key that is no key is refused), with a token as serve.env gives
    // it
    Path file = tmp.resolve("serve.properties");
    Files.writeString(
        file, Files.readString(shipped) + "doctor.serve.tokens = 0123456789abcdef0123\n");
    Configuration c = Configuration.load(Optional.of(file), Engines.SECTIONS);
    ServeSettings settings = ServeSettings.from(c.section(ServeConfig.class));
    assertEquals("127.0.0.1", settings.host());
    assertEquals(5, settings.ratePerSecond());
    assertTrue(c.section(ServeConfig.class).reloadRequiresRulesTest());
    // every variable of the environment file names a key
    List<String> env =
        Configuration.keys(Engines.SECTIONS).stream()
            .map(k -> k.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"))
            .toList();
    for (String line : Files.readAllLines(DIR.resolve("serve.env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        assertTrue(env.contains(line.substring(0, line.indexOf('='))), line);
      }
    }
  }

  @Test
  void systemdAcceptsTheUnit() throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(analyze), "systemd-analyze is not installed");
    // the program and the environment file exist only once installed: stand-ins for both
    String unit =
        Files.readString(DIR.resolve("xtream-doctor.service"))
            .replace("ExecStart=/usr/bin/xtream-doctor", "ExecStart=/bin/true")
            .replace("EnvironmentFile=", "EnvironmentFile=-");
    Path copy = tmp.resolve("xtream-doctor.service");
    Files.writeString(copy, unit);
    Process p =
        new ProcessBuilder(analyze.toString(), "verify", "--man=no", copy.toString())
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertEquals("", out.strip(), out);
  }
}
