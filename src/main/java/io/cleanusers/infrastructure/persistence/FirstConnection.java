package io.cleanusers.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The service's bounded wait for PostgreSQL at start-up, which may still be starting (as in docker
 * compose): up to {@link #WAIT} for a first connection, then the deployment stops with one line
 * saying what to fix. Any other failure (a wrong password, say) stops it at once.
 */
public final class FirstConnection {

  static final Duration WAIT = Duration.ofSeconds(60);
  private static final long RETRY_MILLIS = 2000;
  private static final int VALIDATION_SECONDS = 5;
  private static final Logger LOG = Logger.getLogger(FirstConnection.class.getName());

  private FirstConnection() {}

  /** Returns once {@code dataSource} hands out a working connection. */
  public static void await(DataSource dataSource, String where) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try (Connection connection = dataSource.getConnection()) {
        if (connection.isValid(VALIDATION_SECONDS)) {
          return;
        }
      } catch (SQLException e) {
        if (!DatabaseOutage.isCauseOf(e) || System.nanoTime() > deadline) {
          String line =
              "clean-users cannot start: the database at "
                  + where
                  + (DatabaseOutage.isCauseOf(e)
                      ? " did not answer within " + WAIT.toSeconds() + " s"
                      : " refused the connection (" + e.getMessage() + ")")
                  + ". Fix: start PostgreSQL or correct postgres.HOST / PORT / DB / USER / PASSWORD"
                  + " (or postgres.DATASOURCE).";
          LOG.severe(line);
          throw new IllegalStateException(line, e);
        }
        LOG.warning(() -> "Waiting for the database at " + where + "...");
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the database", e);
    }
  }
}
