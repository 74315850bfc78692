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

  static Configuration load(Optional<Path> file, List<Class<?>> sections) throws ConfigException {
    List<String> known = known(sections);
    unknownKeys(System.getenv(), System.getProperties(), file, known);
    // Only the sources we document: no discovery of converters, interceptors or sources through
    // the service loader, which costs start-up time and could let a stray jar change behaviour.
    SmallRyeConfigBuilder builder =
        new SmallRyeConfigBuilder()
            .addSystemSources()
            .addDefaultInterceptors()
            // "1.1.1.1, 8.8.8.8" is how people write lists: trim each item.
            .withConverter(String.class, 200, String::strip)
            .withMapping(DoctorConfig.class);
    sections.forEach(builder::withMapping);
    if (file.isPresent()) {
      builder.withSources(fileSource(file.get()));
    }
    DoctorConfig config;
    SmallRyeConfig c;
    try {
      c = builder.build();
      config = c.getConfigMapping(DoctorConfig.class);
      sections.forEach(c::getConfigMapping); // a bad value in any section fails now, in one line
    } catch (ConfigValidationException e) {
      throw new ConfigException(
          oneLine(e.getProblemCount() > 0 ? e.getProblem(0).getMessage() : e.getMessage()));
    } catch (IllegalArgumentException | NoSuchElementException | IllegalStateException e) {
      throw new ConfigException(oneLine(e.getMessage()));
    }
    check(config);
    return new Configuration(config, c, sections);
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

  /**
   * Every key of {@link DoctorConfig}, e.g. {@code doctor.timeout.connect-ms}, read off the mapping
   * itself so the list cannot drift from it.
   */
  static final List<String> KEYS = keys("doctor", DoctorConfig.class, DoctorConfig.class);

  /** The engine's keys and those of these sections, each under its mapping's prefix. */
  static List<String> known(List<Class<?>> sections) {
    List<String> keys = new java.util.ArrayList<>(KEYS);
    for (Class<?> section : sections) {
      io.smallrye.config.ConfigMapping mapping =
          section.getAnnotation(io.smallrye.config.ConfigMapping.class);
      if (mapping == null || !mapping.prefix().startsWith("doctor.")) {
        throw new IllegalArgumentException(
            section.getName() + " is not a @ConfigMapping under doctor.");
      }
      keys.addAll(keys(mapping.prefix(), section, section));
    }
    return keys.stream().sorted().toList();
  }

  private static List<String> keys(String prefix, Class<?> type, Class<?> root) {
    List<String> keys = new java.util.ArrayList<>();
    for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
      if (m.isDefault()
          || java.lang.reflect.Modifier.isStatic(m.getModifiers())
          || m.getParameterCount() > 0) {
        continue;
      }
      String key =
          prefix
              + "."
              + m.getName()
                  .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                  .toLowerCase(java.util.Locale.ROOT);
      if (m.getReturnType().isInterface() && m.getReturnType().getEnclosingClass() == root) {
        keys.addAll(keys(key, m.getReturnType(), root));
      } else {
        keys.add(key);
      }
    }
    return keys.stream().sorted().toList();
  }

  /**
   * A key as an environment variable: {@code doctor.timeout.connect-ms} is
   * DOCTOR_TIMEOUT_CONNECT_MS.
   */
  static String envName(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * Refuses a {@code doctor.} key that is no key, with the closest one: in the file or a system
   * property always (SmallRye's own message, "does not map to any root", says neither what nor
   * where), and a {@code DOCTOR_} variable when it is close to a real one (other DOCTOR_ variables
   * may belong to other programs).
   */
  static void unknownKeys(
      java.util.Map<String, String> env, java.util.Properties system, Optional<Path> file)
      throws ConfigException {
    unknownKeys(env, system, file, KEYS);
  }

  static void unknownKeys(
      java.util.Map<String, String> env,
      java.util.Properties system,
      Optional<Path> file,
      List<String> known)
      throws ConfigException {
    for (String name : system.stringPropertyNames()) {
      if (name.startsWith("doctor.") && !known.contains(name)) {
        throw new ConfigException(
            "-D"
                + name
                + " is not a setting"
                + suggestion(name, known)
                + "; the settings are listed in the README");
      }
    }
    if (file.isPresent() && Files.isRegularFile(file.get())) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file.get(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException | java.io.UncheckedIOException e) {
        return; // reading it properly below says what is wrong
      }
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = KEY_LINE.matcher(lines.get(i));
        if (m.find() && !known.contains(m.group(1))) {
          throw new ConfigException(
              file.get()
                  + ":"
                  + (i + 1)
                  + ": "
                  + m.group(1)
                  + " is not a setting"
                  + suggestion(m.group(1), known)
                  + "; the settings are listed in the README");
        }
      }
    }
    List<String> envNames = known.stream().map(ConfigLoader::envName).toList();
    for (String name : new java.util.TreeSet<>(env.keySet())) {
      if (name.startsWith("DOCTOR_") && !envNames.contains(name)) {
        String near = suggestion(name, envNames);
        if (!near.isEmpty()) {
          throw new ConfigException(
              "the environment variable " + name + " is not a setting" + near);
        }
      }
    }
  }

  private static final Pattern KEY_LINE = Pattern.compile("^\\s*(doctor\\.[^\\s=:]+)");

  private static String suggestion(String name, List<String> known) {
    return dev.xtreamdoctor.engine.FactModel.closest(name, known)
        .map(k -> " (did you mean " + k + "?)")
        .orElse("");
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
    positive("doctor.rules.max-firings", c.rules().maxFirings());
    positive("doctor.rules.deadline-ms", c.rules().deadlineMs());
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
