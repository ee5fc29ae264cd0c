package io.cleanusers.infrastructure.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The service's configuration, resolved the MicroProfile way without needing a MicroProfile
 * Config runtime: system properties (400) over environment variables (300, with MicroProfile's
 * name mapping) over the operator's file (250) over the built-in defaults (100). It works
 * wherever the container calls in, even before the application's own context exists (the data
 * source is created that early), and in command-line tools.
 */
public final class ServiceConfig {

  private final List<ConfigSource> sources;

  private ServiceConfig(List<ConfigSource> sources) {
    this.sources = sources.stream()
        .sorted(Comparator.comparingInt(ConfigSource::getOrdinal).reversed())
        .toList();
  }

  public static ServiceConfig load(ClassLoader loader) {
    List<ConfigSource> sources = new ArrayList<>(ConfigFiles.sources(loader));
    sources.add(new MapSource("system properties", 400, toMap(System.getProperties())));
    sources.add(new MapSource("environment", 300, System.getenv()));
    return new ServiceConfig(sources);
  }

  public static Settings loadSettings(ClassLoader loader) {
    return Settings.load(load(loader));
  }

  /** The winning value of a key, looking up environment variables by MicroProfile's rules. */
  public Optional<String> value(String key) {
    for (ConfigSource source : sources) {
      String value = source instanceof MapSource map && map.isEnvironment()
          ? map.environmentValue(key) : source.getValue(key);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> toMap(java.util.Properties properties) {
    Map<String, String> map = new java.util.HashMap<>();
    properties.stringPropertyNames().forEach(n -> map.put(n, properties.getProperty(n)));
    return map;
  }

  /** A fixed map of values: system properties or the environment. */
  private record MapSource(String name, int ordinal, Map<String, String> values)
      implements ConfigSource {

    boolean isEnvironment() {
      return name.equals("environment");
    }

    /** MicroProfile Config §3.1: exact name, then non-alphanumerics as _, then upper case. */
    String environmentValue(String key) {
      String sanitized = key.replaceAll("[^A-Za-z0-9]", "_");
      for (String candidate : List.of(key, sanitized, sanitized.toUpperCase(Locale.ROOT))) {
        if (values.containsKey(candidate)) {
          return values.get(candidate);
        }
      }
      return null;
    }

    @Override
    public java.util.Set<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
      return values.get(propertyName);
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public int getOrdinal() {
      return ordinal;
    }
  }
}
