package io.cleanusers.infrastructure.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cleanusers.infrastructure.config.DatabaseSettings;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The service's own connection pool (HikariCP over the PostgreSQL driver), built from {@code
 * [postgres]}: the same pool, sized by {@code postgres.POOL_SIZE}, on every server, with nothing to
 * configure in the server.
 *
 * <p>Opening it connects to nothing: the first request for a connection does ({@link
 * FirstConnection} waits for that at start-up). While PostgreSQL is unreachable a request for a
 * connection fails after {@value #CONNECTION_WAIT_MILLIS} ms at the most, so the caller answers 503
 * instead of hanging; a connection found dead is replaced.
 */
public final class PostgresPool {

  static final long CONNECTION_WAIT_MILLIS = 2000;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private PostgresPool() {}

  public static HikariDataSource open(DatabaseSettings settings) {
    PGSimpleDataSource driver = new PGSimpleDataSource();
    driver.setServerNames(new String[] {settings.host()});
    driver.setPortNumbers(new int[] {settings.port()});
    driver.setDatabaseName(settings.database());
    driver.setUser(settings.user());
    driver.setPassword(settings.password());
    driver.setApplicationName("clean-users");
    driver.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
    driver.setTcpKeepAlive(true);

    HikariConfig config = new HikariConfig();
    config.setPoolName("clean-users");
    config.setDataSource(driver);
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(Math.min(2, settings.poolSize()));
    config.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}
