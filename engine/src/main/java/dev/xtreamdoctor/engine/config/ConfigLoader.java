package dev.xtreamdoctor.engine.config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds {@link DoctorConfig} from -D, the environment, an optional file and the defaults. */
final class ConfigLoader {
  /** Between environment variables (300) and META-INF/microprofile-config.properties (100). */
  static final int FILE_ORDINAL = 250;

  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[0-9a-fA-F:.]+]|[0-9a-zA-Z.\\-]+|[0-9a-fA-F:]+)(:(\\d{1,5}))?");

  private static final Pattern CONVERSION =
      Pattern.compile(
          ".*The config property (\\S+) with the config value \"(.*)\" threw an Exception whilst"
              + " being converted:? ?(.*)");

  private ConfigLoader() {}

  static DoctorConfig load(Optional<Path> file) throws ConfigException {
    // Only the sources we document: no discovery of converters, interceptors or sources through
    // the service loader, which costs start-up time and could let a stray jar change behaviour.
    SmallRyeConfigBuilder builder =
        new SmallRyeConfigBuilder()
            .addSystemSources()
            .addDefaultInterceptors()
            // "1.1.1.1, 8.8.8.8" is how people write lists: trim each item.
            .withConverter(String.class, 200, String::strip)
            .withMapping(DoctorConfig.class);
    if (file.isPresent()) {
      builder.withSources(fileSource(file.get()));
    }
    DoctorConfig config;
    try {
      SmallRyeConfig c = builder.build();
      config = c.getConfigMapping(DoctorConfig.class);
    } catch (ConfigValidationException e) {
      throw new ConfigException(
          oneLine(e.getProblemCount() > 0 ? e.getProblem(0).getMessage() : e.getMessage()));
    } catch (IllegalArgumentException | NoSuchElementException | IllegalStateException e) {
      throw new ConfigException(oneLine(e.getMessage()));
    }
    check(config);
    return config;
  }

  private static PropertiesConfigSource fileSource(Path file) throws ConfigException {
    if (Files.isDirectory(file)) {
      throw new ConfigException(file + ": is a directory; --config takes a properties file");
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": no such configuration file");
    }
    try {
      return new PropertiesConfigSource(file.toUri().toURL(), FILE_ORDINAL);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          file + ": cannot read the configuration: " + oneLine(e.getMessage()));
    }
  }

  /** Limits SmallRye cannot express: positive numbers, resolver addresses. */
  private static void check(DoctorConfig c) throws ConfigException {
    positive("doctor.timeout.dns-ms", c.timeout().dnsMs());
    positive("doctor.timeout.connect-ms", c.timeout().connectMs());
    positive("doctor.timeout.read-ms", c.timeout().readMs());
    positive("doctor.timeout.total-ms", c.timeout().totalMs());
    positive("doctor.thresholds.slow-response-ms", c.thresholds().slowResponseMs());
    positive("doctor.thresholds.high-latency-ms", c.thresholds().highLatencyMs());
    positive("doctor.thresholds.expiry-warning-days", c.thresholds().expiryWarningDays());
    positive("doctor.http.max-body-bytes", c.http().maxBodyBytes());
    positive("doctor.panel.request-budget", c.panel().requestBudget());
    positive("doctor.latency.samples", c.latency().samples());
    parsed("doctor.watch.min-interval", () -> DurationText.parse(c.watch().minInterval()));
    parsed("doctor.watch.peak-hours", () -> HourSet.parse(c.watch().peakHours()));
    resolvers("doctor.dns.public-resolvers", c.dns().publicResolvers());
    if (c.dns().systemResolvers().isPresent()) {
      resolvers("doctor.dns.system-resolvers", c.dns().systemResolvers().get());
    }
  }

  private static void parsed(String key, java.util.function.Supplier<?> parse)
      throws ConfigException {
    try {
      parse.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + ": " + e.getMessage());
    }
  }

  private static void positive(String key, long value) throws ConfigException {
    if (value <= 0) {
      throw new ConfigException(key + " must be a positive number, not " + value);
    }
  }

  private static void resolvers(String key, List<String> list) throws ConfigException {
    for (String r : list) {
      var m = HOST_PORT.matcher(r.strip());
      boolean ok = m.matches() && (m.group(3) == null || Integer.parseInt(m.group(3)) <= 65535);
      if (!ok || r.isBlank()) {
        throw new ConfigException(
            key + ": \"" + r + "\" is not host[:port] (e.g. 1.1.1.1 or 192.168.1.1:53)");
      }
    }
  }

  /** SmallRye's messages carry a code prefix and may span lines; users get one plain line. */
  static String oneLine(String message) {
    if (message == null) {
      return "the configuration is not valid";
    }
    String line =
        message
            .replaceAll("SRCFG\\d+: ", "")
            .replaceAll("(java|io\\.smallrye)[\\w.]*Exception: ", "")
            .replaceAll("\\s*\\R\\s*", " ")
            .strip();
    Matcher m = CONVERSION.matcher(line);
    return m.matches()
        ? m.group(1) + ": \"" + m.group(2) + "\" is not valid (" + m.group(3) + ")"
        : line;
  }
}
