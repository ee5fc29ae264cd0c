package io.cleanusers.infrastructure.persistence;

import io.cleanusers.infrastructure.config.DatabaseSettings;
import io.cleanusers.infrastructure.config.ServiceConfig;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL driver's data source, pointed at the {@code [postgres]} settings the first
 * time the container's pool asks it for a connection. Naming this class in a standard
 * {@code @DataSourceDefinition} lets any Jakarta EE server pool it without server-specific
 * placeholders.
 */
public class ConfiguredPostgresDataSource extends PGSimpleDataSource {

  private static final long serialVersionUID = 1L;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private volatile boolean configured;

  /**
   * Every connection request ends here; the container may pass the credentials of its
   * definition, but the settings win.
   */
  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    configure();
    return super.getConnection(getUser(), getPassword());
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
