package io.cleanusers.infrastructure.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One structured log line: a kind ({@code access}, {@code audit}) and named fields. The record's
 * message is the text form ({@code audit event=login outcome=success ...}, user input quoted and
 * cleaned); the fields travel beside it in a {@link Record}, which {@link JsonLineFormatter} writes
 * as one JSON object. The record has no parameters, so no formatter reads the text as a {@code
 * MessageFormat} pattern (a quote or a brace in a path would be mangled, and it is slow).
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
    fields.forEach(
        (name, value) ->
            text.append(' ')
                .append(name)
                .append('=')
                .append(value instanceof Untrusted u ? "\"" + u.value() + "\"" : value));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", kind);
    fields.forEach(
        (name, value) -> json.put(name, value instanceof Untrusted u ? u.value() : value));
    Record record = new Record(text.toString(), json);
    record.setLoggerName(logger.getName());
    // Named here, the source spares the server's handler a walk of the stack to find it.
    record.setSourceClassName(LogLine.class.getName());
    record.setSourceMethodName("log");
    logger.log(record);
  }

  /** A log record carrying the line's fields beside its text. */
  static final class Record extends LogRecord {

    private static final long serialVersionUID = 1L;

    /** Only formatted in this JVM; a serialized copy keeps the text alone. */
    private final transient Map<String, Object> fields;

    Record(String text, Map<String, Object> fields) {
      super(Level.INFO, text);
      this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    Map<String, Object> fields() {
      return fields == null ? Map.of() : fields;
    }
  }

  /** A value that came from outside and was cleaned. */
  private record Untrusted(String value) {}
}
