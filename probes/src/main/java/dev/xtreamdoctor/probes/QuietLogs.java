package dev.xtreamdoctor.probes;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HttpClient's DEBUG loggers print the request line, password included. Keep them quiet whatever
 * logging the host application chose: slf4j-simple reads these properties, JUL gets levels.
 */
final class QuietLogs {
  private static final Logger HTTP_CLIENT = Logger.getLogger("org.apache.hc");
  private static final Logger JERSEY = Logger.getLogger("org.glassfish.jersey");

  private QuietLogs() {}

  static void apply() {
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.hc", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.glassfish.jersey", "warn");
    HTTP_CLIENT.setLevel(Level.WARNING);
    JERSEY.setLevel(Level.WARNING);
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
