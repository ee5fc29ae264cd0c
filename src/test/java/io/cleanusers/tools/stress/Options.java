package io.cleanusers.tools.stress;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} pairs after a command, as scripts/stress.sh passes them. */
record Options(Map<String, String> values) {

  Options {
    values = Map.copyOf(values);
  }

  /** The pairs after the command (args[0]). */
  static Options parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option, got " + args[i]);
      }
      values.put(args[i].substring(2), args[i + 1]);
    }
    return new Options(values);
  }

  String get(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }

  int integer(String name, int fallback) {
    String value = values.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  Path path(String name) {
    return Path.of(get(name));
  }

  /** The service's base URL ({@code --url}). */
  URI url() {
    return URI.create(get("url"));
  }
}
