package io.cleanusers.infrastructure.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A MicroProfile config source holding the keys of one TOML file, flattened to {@code section.KEY}
 * names ({@code [security.auth] JWT_SECRET} becomes {@code security.auth.JWT_SECRET}); arrays
 * become MicroProfile's comma-separated lists.
 */
public final class TomlConfigSource extends MapConfigSource {

  private TomlConfigSource(String name, int ordinal, Map<String, String> properties) {
    super(name, ordinal, properties);
  }

  /** Reads a TOML document; a syntax error names the source and the line. */
  public static TomlConfigSource read(String name, int ordinal, InputStream toml) {
    try {
      Map<String, String> flat = new LinkedHashMap<>();
      flatten("", new TomlMapper().readTree(toml), flat);
      return new TomlConfigSource(name, ordinal, flat);
    } catch (IOException e) {
      String problem = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s*\\R\\s*", " ");
      throw new UncheckedIOException(
          "Cannot read configuration " + name + ": " + problem + ". Fix: correct the TOML.", e);
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      node.properties().forEach(e -> flatten(prefix + e.getKey() + ".", e.getValue(), into));
      return;
    }
    String key = prefix.substring(0, prefix.length() - 1);
    if (node.isArray()) {
      StringJoiner list = new StringJoiner(",");
      node.forEach(item -> list.add(item.asText().replace(",", "\\,")));
      into.put(key, list.toString());
    } else {
      into.put(key, node.asText());
    }
  }
}
