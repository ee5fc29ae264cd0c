package io.cleanusers.infrastructure.logging;

import io.cleanusers.infrastructure.config.LogSettings;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Applies {@code [logs]} to the service's own loggers ({@code io.cleanusers.*}): the level, and
 * with {@code FORMAT = "json"} a handler that writes JSON lines straight to standard output
 * instead of the server's log format. The server's own logging is left alone.
 */
public final class LogSetup {

  /**
   * Held here: the JDK's LogManager keeps loggers only weakly, so a level or handler set on a
   * logger nobody references could be lost to garbage collection along with the logger.
   */
  private static final Logger ROOT = Logger.getLogger("io.cleanusers");
  private static final Map<String, Level> LEVELS = Map.of(
      "DEBUG", Level.FINE, "INFO", Level.INFO, "WARNING", Level.WARNING, "ERROR", Level.SEVERE);
  /** A private lock: nobody outside can hold it and stall a redeployment. */
  private static final Object LOCK = new Object();

  /** Kept so that a redeployment replaces the handler instead of adding another. */
  private static Handler jsonHandler;

  private LogSetup() {}

  public static void apply(LogSettings settings) {
    synchronized (LOCK) {
      ROOT.setLevel(LEVELS.get(settings.level()));
      if (jsonHandler != null) {
        ROOT.removeHandler(jsonHandler);
        jsonHandler = null;
      }
      ROOT.setUseParentHandlers(!settings.json());
      if (settings.json()) {
        jsonHandler = new FlushingHandler();
        jsonHandler.setLevel(Level.ALL);
        ROOT.addHandler(jsonHandler);
      }
    }
  }

  /** Writes to file descriptor 1, which servers do not wrap, and flushes every line. */
  private static final class FlushingHandler extends StreamHandler {

    FlushingHandler() {
      super(new FileOutputStream(FileDescriptor.out), new JsonLineFormatter());
    }

    @Override
    public synchronized void publish(java.util.logging.LogRecord record) {
      super.publish(record);
      flush();
    }
  }
}
