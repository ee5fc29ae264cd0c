package io.cleanusers.infrastructure.logging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Writes each log record as one JSON object on one line: time, level, logger, message, the fields
 * of a {@link LogLine}, and the exception's class and message when there is one (never its stack,
 * which could span lines).
 */
public final class JsonLineFormatter extends Formatter {

  @Override
  public String format(LogRecord record) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", Instant.ofEpochMilli(record.getMillis()).toString());
    line.put("level", record.getLevel().getName());
    line.put("logger", record.getLoggerName());
    line.put("message", formatMessage(record));
    if (record instanceof LogLine.Record structured) {
      line.putAll(structured.fields());
    }
    if (record.getThrown() != null) {
      line.put("error", record.getThrown().toString());
    }
    return toJson(line) + System.lineSeparator();
  }

  private static String toJson(Map<String, Object> line) {
    StringBuilder json = new StringBuilder("{");
    line.forEach(
        (name, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          json.append(quote(name)).append(':');
          json.append(
              value instanceof Number || value instanceof Boolean
                  ? value.toString()
                  : quote(String.valueOf(value)));
        });
    return json.append('}').toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
