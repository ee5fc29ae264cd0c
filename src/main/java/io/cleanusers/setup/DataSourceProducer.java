package io.cleanusers.setup;

import io.cleanusers.infrastructure.config.InvalidConfigurationException;
import io.cleanusers.infrastructure.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The data source that the schema migrations and the readiness check use: the server-managed one
 * named by {@code postgres.DATASOURCE} when it is set, else the WAR's own
 * ({@link DatabaseDefinition#JNDI_NAME}). The persistence unit makes the same choice in
 * {@link io.cleanusers.infrastructure.persistence.PersistenceSessionSetup}.
 */
@ApplicationScoped
public class DataSourceProducer {

  /** Looked up once, on first use (by {@link Startup}, while the WAR deploys). */
  @Produces
  @ApplicationScoped
  DataSource dataSource(Settings settings) {
    Optional<String> serverDataSource = settings.database().serverDataSource();
    String name = serverDataSource.orElse(DatabaseDefinition.JNDI_NAME);
    try {
      return (DataSource) new InitialContext().lookup(name);
    } catch (NamingException | ClassCastException e) {
      if (serverDataSource.isPresent()) {
        throw new InvalidConfigurationException("postgres.DATASOURCE", "the server has no data"
            + " source named '" + name + "' (asadmin create-jdbc-resource creates one; empty"
            + " means the service's own pool)");
      }
      throw new IllegalStateException("The WAR's own data source " + name + " is missing", e);
    }
  }
}
