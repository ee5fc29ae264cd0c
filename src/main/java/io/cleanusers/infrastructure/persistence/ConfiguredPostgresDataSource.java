package io.cleanusers.infrastructure.persistence;

import io.cleanusers.infrastructure.config.DatabaseSettings;
import io.cleanusers.infrastructure.config.ServiceConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL driver's data source, pointed at the {@code [postgres]} settings the first
 * time the container's pool asks it for a connection. Naming this class in a standard
 * {@code @DataSourceDefinition} lets any Jakarta EE server pool it without server-specific
 * placeholders.
 *
 * <p>Until the first connection succeeds it waits up to {@value #FIRST_CONNECTION_WAIT_SECONDS}
 * s for PostgreSQL (which may still be starting, as in docker compose): the container connects
 * while deploying the WAR, so this is the service's bounded wait at start-up. After that a
 * refused connection fails at once, so requests answer 503 during an outage.
 */
public class ConfiguredPostgresDataSource extends PGSimpleDataSource {

  private static final long serialVersionUID = 1L;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;
  static final int FIRST_CONNECTION_WAIT_SECONDS = 60;
  private static final long RETRY_MILLIS = 2000;
  private static final Logger LOG = Logger.getLogger(ConfiguredPostgresDataSource.class.getName());

  private volatile boolean configured;
  private volatile boolean connectedOnce;

  /**
   * Every connection request ends here; the container may pass the credentials of its
   * definition, but the settings win.
   */
  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    configure();
    if (connectedOnce) {
      return super.getConnection(getUser(), getPassword());
    }
    Connection first = firstConnection();
    connectedOnce = true;
    return first;
  }

  private Connection firstConnection() throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_CONNECTION_WAIT_SECONDS);
    while (true) {
      try {
        return super.getConnection(getUser(), getPassword());
      } catch (SQLException e) {
        if (!DatabaseOutage.isCauseOf(e)) {
          throw e;
        }
        if (System.nanoTime() > deadline) {
          String line = "clean-users cannot start: the database at " + getUrl() + " did not answer"
              + " within " + FIRST_CONNECTION_WAIT_SECONDS + " s. Fix: start PostgreSQL or correct"
              + " postgres.HOST / PORT / DB / USER / PASSWORD.";
          LOG.severe(line);
          throw new SQLException(line, e.getSQLState(), e);
        }
        LOG.warning(() -> "Waiting for the database at " + getUrl() + "...");
        pause();
      }
    }
  }

  private static void pause() throws SQLException {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for the database", e);
    }
  }

  private void configure() {
    if (configured) {
      return;
    }
    synchronized (this) {
      if (!configured) {
        apply(ServiceConfig.loadSettings(getClass().getClassLoader()).database());
        configured = true;
      }
    }
  }

  private void apply(DatabaseSettings settings) {
    setServerNames(new String[] {settings.host()});
    setPortNumbers(new int[] {settings.port()});
    setDatabaseName(settings.database());
    setUser(settings.user());
    setPassword(settings.password());
    setApplicationName("clean-users");
    setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    setTcpKeepAlive(true);
  }
}
