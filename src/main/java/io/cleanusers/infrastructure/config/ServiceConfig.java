package io.cleanusers.infrastructure.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The service's configuration, resolved the MicroProfile way without needing a MicroProfile Config
 * runtime: system properties (400) over environment variables (300, with MicroProfile's name
 * mapping) over the operator's file (250) over the built-in defaults (100). It works wherever the
 * container calls in, even before the application's own context exists (the data source is created
 * that early), and in command-line tools.
 */
public final class ServiceConfig {

  private final List<ConfigSource> sources;
  private final ConfigSource environment;

  private ServiceConfig(List<ConfigSource> sources, ConfigSource environment) {
    this.environment = environment;
    this.sources =
        sources.stream()
            .sorted(Comparator.comparingInt(ConfigSource::getOrdinal).reversed())
            .toList();
  }

  public static ServiceConfig load(ClassLoader loader) {
    ConfigSource environment = new MapConfigSource("environment", 300, System.getenv());
    List<ConfigSource> sources = new ArrayList<>(ConfigFiles.sources(loader));
    sources.add(new MapConfigSource("system properties", 400, toMap(System.getProperties())));
    sources.add(environment);
    return new ServiceConfig(sources, environment);
  }

  public static Settings loadSettings(ClassLoader loader) {
    return Settings.load(load(loader));
  }

  /** The winning value of a key, looking up environment variables by MicroProfile's rules. */
  public Optional<String> value(String key) {
    for (ConfigSource source : sources) {
      String value = source == environment ? environmentValue(key) : source.getValue(key);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /**
   * MicroProfile Config's mapping (docs/contract/configuration.md, "Environment variable names"):
   * exact name, then non-alphanumerics as _, then upper case.
   */
  private String environmentValue(String key) {
    String sanitized = key.replaceAll("[^A-Za-z0-9]", "_");
    for (String candidate : List.of(key, sanitized, sanitized.toUpperCase(Locale.ROOT))) {
      String value = environment.getValue(candidate);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static Map<String, String> toMap(java.util.Properties properties) {
    Map<String, String> map = new java.util.HashMap<>();
    properties.stringPropertyNames().forEach(n -> map.put(n, properties.getProperty(n)));
    return map;
  }
}
