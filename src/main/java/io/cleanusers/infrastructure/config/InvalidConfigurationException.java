package io.cleanusers.infrastructure.config;

/**
 * A configuration value that cannot be used. Its message is the one line an operator reads: the
 * key, what is wrong with the value, and how to fix it.
 */
public final class InvalidConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidConfigurationException(String key, String problem) {
    super(
        "Invalid configuration "
            + key
            + ": "
            + problem
            + ". Fix: set "
            + key
            + " in config.toml, or the environment variable "
            + ConfigValues.environmentName(key)
            + ", or the system property -D"
            + key
            + ".");
  }
}
