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
 *
 * <p>With several hosts in {@code postgres.HOST} the driver tries them in order and opens a
 * connection only to the one that is primary ({@code targetServerType=primary}): connections to a
 * primary that stops break (answered 503) and are replaced by connections to whichever host is
 * primary by then, the promoted standby, without a restart. While no host is primary, the driver
 * fails with SQLSTATE 08001 ("Could not find a server with specified targetServerType"), an outage
 * too. Each host gets {@value #CONNECT_TIMEOUT_SECONDS} s to answer a connection attempt; a request
 * never waits for that, only for the pool ({@value #CONNECTION_WAIT_MILLIS} ms).
 */
public final class PostgresPool {

  static final long CONNECTION_WAIT_MILLIS = 2000;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private PostgresPool() {}

  public static HikariDataSource open(DatabaseSettings settings) {
    PGSimpleDataSource driver = new PGSimpleDataSource();
    driver.setServerNames(
        settings.hosts().stream().map(DatabaseSettings.Host::name).toArray(String[]::new));
    driver.setPortNumbers(
        settings.hosts().stream().mapToInt(DatabaseSettings.Host::port).toArray());
    driver.setTargetServerType(DatabaseSettings.TARGET_SERVER_TYPE);
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
