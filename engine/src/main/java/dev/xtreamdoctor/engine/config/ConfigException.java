package dev.xtreamdoctor.engine.config;

/** A configuration that cannot be used; the message names the key or file in one line. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
