package io.cleanusers.infrastructure.config;

import java.util.List;

/** Logging ({@code [logs]}): level and line format. */
public record LogSettings(String level, boolean json) {

  static LogSettings read(ConfigValues values) {
    return new LogSettings(
        values.oneOf("logs.LEVEL", List.of("DEBUG", "INFO", "WARNING", "ERROR")),
        values.oneOf("logs.FORMAT", List.of("text", "json")).equals("json"));
  }
}
