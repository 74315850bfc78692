package dev.xtreamdoctor.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoctorConfigTest {
  @TempDir Path dir;

  @AfterEach
  void clearProperties() {
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("doctor."))
        .forEach(System::clearProperty);
  }

  @Test
  void documentedDefaults() throws Exception {
    DoctorConfig c = DoctorConfig.load(Optional.empty());
    assertEquals(Optional.empty(), c.dns().systemResolvers());
    assertEquals(List.of("1.1.1.1", "8.8.8.8"), c.dns().publicResolvers());
    assertEquals(3000, c.timeout().dnsMs());
    assertEquals(5000, c.timeout().connectMs());
    assertEquals(10000, c.timeout().readMs());
    assertEquals(30000, c.timeout().totalMs());
    assertEquals(Settings.defaults(), c.settings());
    assertEquals("VLC/3.0.21 LibVLC/3.0.21", c.http().userAgent());
    assertEquals(1 << 20, c.http().maxBodyBytes());
    assertEquals(6, c.panel().requestBudget());
    assertEquals(5, c.latency().samples());
    assertEquals(Optional.empty(), c.rules().dir());
  }

  @Test
  void systemPropertyBeatsFileBeatsDefault() throws Exception {
    Path file = dir.resolve("doctor.properties");
    Files.writeString(
        file,
        "doctor.timeout.connect-ms=1111\n"
            + "doctor.timeout.read-ms=2222\n"
            + "doctor.dns.system-resolvers=127.0.0.1:5353, 192.168.1.1\n"
            + "doctor.rules.dir=/srv/rules\n");
    System.setProperty("doctor.timeout.connect-ms", "999");
    DoctorConfig c = DoctorConfig.load(Optional.of(file));
    assertEquals(999, c.timeout().connectMs());
    assertEquals(2222, c.timeout().readMs());
    assertEquals(Optional.of(List.of("127.0.0.1:5353", "192.168.1.1")), c.dns().systemResolvers());
    assertEquals(Optional.of(Path.of("/srv/rules")), c.rules().dir());
  }

  @Test
  void thresholdsFeedTheRules() throws Exception {
    System.setProperty("doctor.thresholds.expiry-warning-days", "7");
    System.setProperty("doctor.thresholds.high-latency-ms", "150");
    assertEquals(new Settings(3000, 150, 7), DoctorConfig.load(Optional.empty()).settings());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "doctor.timeout.connect-ms|abc|doctor.timeout.connect-ms",
        "doctor.timeout.read-ms|-5|doctor.timeout.read-ms must be a positive number, not -5",
        "doctor.dns.public-resolvers|1.1.1.1,bad host|doctor.dns.public-resolvers: \"bad host\" is"
            + " not host[:port]",
        "doctor.dns.system-resolvers|10.0.0.1:99999|doctor.dns.system-resolvers:"
            + " \"10.0.0.1:99999\"",
      })
  void badValuesGiveOneLine(String key, String value, String expected) {
    System.setProperty(key, value);
    ConfigException e =
        assertThrows(ConfigException.class, () -> DoctorConfig.load(Optional.empty()));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.properties");
    ConfigException e =
        assertThrows(ConfigException.class, () -> DoctorConfig.load(Optional.of(missing)));
    assertEquals(missing + ": no such configuration file", e.getMessage());
  }

  @Test
  void misspeltKeyInFileIsNamed() throws Exception {
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "doctor.timout.connect-ms=1000\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> DoctorConfig.load(Optional.of(file)));
    assertEquals(
        file
            + ":1: doctor.timout.connect-ms is not a setting (did you mean doctor.timeout.connect-ms?); the settings are listed in"
            + " the README",
        e.getMessage());
  }

  @Test
  void misspeltSystemPropertyAndEnvironmentVariableGetADidYouMean() {
    System.setProperty("doctor.rules.max-firing", "5");
    ConfigException p =
        assertThrows(ConfigException.class, () -> DoctorConfig.load(Optional.empty()));
    assertEquals(
        "-Ddoctor.rules.max-firing is not a setting (did you mean doctor.rules.max-firings?); the settings are listed in the README",
        p.getMessage());
    System.clearProperty("doctor.rules.max-firing");
    ConfigException env =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.unknownKeys(
                    java.util.Map.of(
                        "DOCTOR_THRESHOLDS_SLOW_RESPONS_MS", "5", "DOCTOR_WHO", "tardis"),
                    new java.util.Properties(),
                    Optional.empty()));
    assertEquals(
        "the environment variable DOCTOR_THRESHOLDS_SLOW_RESPONS_MS is not a setting (did you mean DOCTOR_THRESHOLDS_SLOW_RESPONSE_MS?)",
        env.getMessage());
  }

  @Test
  void everyKeyIsKnownAndDocumentedInTheReadme() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (String key : ConfigLoader.KEYS) {
      assertTrue(readme.contains("`" + key + "`"), key + " is not in the README's table");
    }
    assertTrue(
        ConfigLoader.KEYS.contains("doctor.rules.max-firings"), ConfigLoader.KEYS.toString());
    assertTrue(
        ConfigLoader.KEYS.stream().noneMatch(k -> k.startsWith("doctor.serve.")),
        "the service brings its own keys");
  }
}
