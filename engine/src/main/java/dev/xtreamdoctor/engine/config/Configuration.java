package dev.xtreamdoctor.engine.config;

import io.smallrye.config.SmallRyeConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration as loaded: the engine's {@link DoctorConfig} and the sections other modules
 * bring under the same {@code doctor.} prefix (the service's {@code doctor.serve.*}, say), each a
 * SmallRye {@code @ConfigMapping} interface with its own prefix. All come from the same sources in
 * the same order (-D, environment, file, defaults), and a key no section knows is refused with the
 * closest one, whichever section it was meant for.
 */
public final class Configuration {
  private final DoctorConfig doctor;
  private final SmallRyeConfig config;
  private final List<Class<?>> sections;

  Configuration(DoctorConfig doctor, SmallRyeConfig config, List<Class<?>> sections) {
    this.doctor = doctor;
    this.config = config;
    this.sections = sections;
  }

  /**
   * Loads the configuration with these further sections.
   *
   * @param configFile a properties file between the environment and the defaults
   * @param sections {@code @ConfigMapping} interfaces whose prefixes start with {@code doctor.}
   * @throws ConfigException when a value is not valid or a {@code doctor.} key is no key
   */
  public static Configuration load(Optional<Path> configFile, List<Class<?>> sections)
      throws ConfigException {
    return ConfigLoader.load(configFile, List.copyOf(sections));
  }

  /**
   * Every key the engine and these sections know, e.g. {@code doctor.serve.port}, read off the
   * mappings themselves (for documentation checks and did-you-mean).
   */
  public static List<String> keys(List<Class<?>> sections) {
    return ConfigLoader.known(List.copyOf(sections));
  }

  /** The engine's keys. */
  public DoctorConfig doctor() {
    return doctor;
  }

  /**
   * One of the sections given to {@link #load}.
   *
   * @throws IllegalArgumentException when it was not given
   */
  public <T> T section(Class<T> mapping) {
    if (!sections.contains(Objects.requireNonNull(mapping))) {
      throw new IllegalArgumentException(
          mapping.getName() + " was not loaded; pass it to Configuration.load");
    }
    return config.getConfigMapping(mapping);
  }
}
