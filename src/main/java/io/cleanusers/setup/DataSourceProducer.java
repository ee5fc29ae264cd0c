package io.cleanusers.setup;

import com.zaxxer.hikari.HikariDataSource;
import io.cleanusers.infrastructure.config.DatabaseSettings;
import io.cleanusers.infrastructure.config.InvalidConfigurationException;
import io.cleanusers.infrastructure.config.Settings;
import io.cleanusers.infrastructure.persistence.PostgresPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Where the service's connections come from, and the persistence unit over them: the service's own
 * pool ({@link PostgresPool}) from {@code [postgres]}, or the server-managed data source that
 * {@code postgres.DATASOURCE} names. The application, not the server, creates the persistence unit
 * (resource-local, see persistence.xml), so the same WAR needs no data source defined in any
 * server.
 */
@ApplicationScoped
public class DataSourceProducer {

  private static final Logger LOG = Logger.getLogger(DataSourceProducer.class.getName());

  /** The unit in META-INF/persistence.xml. */
  private static final String PERSISTENCE_UNIT = "clean-users";

  /** Made on first use (by {@link Startup}, while the WAR deploys). */
  @Produces
  @ApplicationScoped
  DataSource dataSource(Settings settings) {
    DatabaseSettings database = settings.database();
    return database
        .serverDataSource()
        .map(DataSourceProducer::serverDataSource)
        .orElseGet(() -> PostgresPool.open(database));
  }

  void close(@Disposes DataSource dataSource) {
    if (dataSource instanceof HikariDataSource pool) {
      pool.close();
    }
  }

  @Produces
  @ApplicationScoped
  EntityManagerFactory persistenceUnit(DataSource dataSource) {
    return Persistence.createEntityManagerFactory(
        PERSISTENCE_UNIT, Map.of("jakarta.persistence.nonJtaDataSource", dataSource));
  }

  void close(@Disposes EntityManagerFactory persistenceUnit) {
    persistenceUnit.close();
  }

  private static DataSource serverDataSource(String name) {
    try {
      DataSource found = (DataSource) new InitialContext().lookup(name);
      LOG.info(() -> "The service uses the server's data source " + name + ".");
      return found;
    } catch (NamingException | ClassCastException e) {
      throw new InvalidConfigurationException(
          "postgres.DATASOURCE",
          "the server has no data"
              + " source named '"
              + name
              + "' (define one in the server, or leave the key empty for"
              + " the service's own pool)");
    }
  }
}
