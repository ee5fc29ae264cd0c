package io.cleanusers.infrastructure.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** A MicroProfile {@link ConfigSource} over a fixed map of values. */
public class MapConfigSource implements ConfigSource {

  private final String name;
  private final int ordinal;
  private final Map<String, String> properties;

  public MapConfigSource(String name, int ordinal, Map<String, String> properties) {
    this.name = name;
    this.ordinal = ordinal;
    this.properties = Map.copyOf(properties);
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
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
