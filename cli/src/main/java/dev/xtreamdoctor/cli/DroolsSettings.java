package dev.xtreamdoctor.cli;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigProviderResolver;

/**
 * Drools reads its own settings (the {@code drools.*} keys) through MicroProfile Config when that
 * is on the classpath, as it is here, and so would build a second, complete SmallRye
 * configuration: service-loader discovery of sources, converters and interceptors, ~50 ms of CPU
 * in a short run. This program gives it the sources that default configuration would have (system
 * properties, environment, META-INF/microprofile-config.properties) without the discovery.
 *
 * <p>Only the command line does this, for its own process: a helpdesk tool that embeds the engine
 * keeps whatever configuration it registers itself.
 */
final class DroolsSettings {
  private DroolsSettings() {}

  /** Before any rules are loaded; once per process (a second call changes nothing). */
  static void install() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      SmallRyeConfigProviderResolver.instance()
          .registerConfig(new SmallRyeConfigBuilder().addDefaultSources().build(), loader);
    } catch (IllegalStateException alreadyRegistered) {
      // Someone was first (a test, or a second call): Drools reads that one.
    }
  }
}
