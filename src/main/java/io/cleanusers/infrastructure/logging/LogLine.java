package io.cleanusers.infrastructure.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One structured log line: a kind ({@code access}, {@code audit}) and named fields. The record's
 * message is the text form ({@code audit event=login outcome=success ...}, user input quoted and
 * cleaned); its single parameter is the field map, which {@link JsonLineFormatter} writes as
 * one JSON object.
 */
public final class LogLine {

  private final String kind;
  private final Map<String, Object> fields = new LinkedHashMap<>();

  private LogLine(String kind) {
    this.kind = kind;
  }

  public static LogLine of(String kind) {
    return new LogLine(kind);
  }

  /** A field whose value is trusted (numbers, ids, fixed words). */
  public LogLine with(String name, Object value) {
    fields.put(name, value == null ? "-" : value);
    return this;
  }

  /** A field whose value may come from a client: cleaned and quoted in the text form. */
  public LogLine withText(String name, String value) {
    fields.put(name, new Untrusted(LogText.clean(value)));
    return this;
  }

  public void log(Logger logger) {
    if (!logger.isLoggable(Level.INFO)) {
      return;
    }
    StringBuilder text = new StringBuilder(kind);
    fields.forEach((name, value) -> text.append(' ').append(name).append('=').append(
        value instanceof Untrusted u ? "\"" + u.value() + "\"" : value));
    LogRecord record = new LogRecord(Level.INFO, text.toString());
    record.setLoggerName(logger.getName());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", kind);
    fields.forEach((name, value) -> json.put(name, value instanceof Untrusted u ? u.value() : value));
    record.setParameters(new Object[] {json});
    logger.log(record);
  }

  /** A value that came from outside and was cleaned. */
  private record Untrusted(String value) {}
}
