package io.cleanusers.infrastructure.logging;

import io.cleanusers.infrastructure.config.LogSettings;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Applies {@code [logs]} to the service's own loggers ({@code io.cleanusers.*}): the level, and
 * where their lines go: the server's log (its handlers and format) or, with {@code FORMAT =
 * "json"}, JSON lines straight to standard output. Either way through an {@link AsyncLogHandler},
 * so request threads do not queue on the writer. The server's own logging is left alone.
 */
public final class LogSetup {

  /**
   * Held here: the JDK's LogManager keeps loggers only weakly, so a level or handler set on a
   * logger nobody references could be lost to garbage collection along with the logger.
   */
  private static final Logger ROOT = Logger.getLogger("io.cleanusers");

  private static final Map<String, Level> LEVELS =
      Map.of(
          "DEBUG", Level.FINE, "INFO", Level.INFO, "WARNING", Level.WARNING, "ERROR", Level.SEVERE);

  /** A private lock: nobody outside can hold it and stall a redeployment. */
  private static final Object LOCK = new Object();

  /** Kept so that a redeployment replaces the handler instead of adding another. */
  private static Handler handler;

  private LogSetup() {}

  /** Starts writing the service's lines as configured, on a thread made by {@code threads}. */
  public static void apply(LogSettings settings, ThreadFactory threads) {
    synchronized (LOCK) {
      stop();
      ROOT.setLevel(LEVELS.get(settings.level()));
      handler = settings.json() ? jsonLines(threads) : serverLog(threads);
      handler.setLevel(Level.ALL);
      ROOT.addHandler(handler);
      ROOT.setUseParentHandlers(false);
    }
  }

  /** Writes what is queued and hands the service's lines back to the server's handlers. */
  public static void stop() {
    synchronized (LOCK) {
      if (handler != null) {
        ROOT.setUseParentHandlers(true);
        ROOT.removeHandler(handler);
        handler.close();
        handler = null;
      }
    }
  }

  /** To file descriptor 1, which servers do not wrap. */
  private static Handler jsonLines(ThreadFactory threads) {
    StreamHandler out =
        new StreamHandler(new FileOutputStream(FileDescriptor.out), new JsonLineFormatter());
    out.setLevel(Level.ALL);
    return new AsyncLogHandler(threads, out::publish, out::flush);
  }

  /** To the root logger's handlers, looked up per record: the server may replace them. */
  private static Handler serverLog(ThreadFactory threads) {
    Logger server = Logger.getLogger("");
    return new AsyncLogHandler(
        threads,
        record -> Arrays.stream(server.getHandlers()).forEach(h -> h.publish(record)),
        () -> Arrays.stream(server.getHandlers()).forEach(Handler::flush));
  }
}
