package io.cleanusers.setup;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's pooled, JTA-enlisted PostgreSQL data source. Its connection
 * settings come from {@code [postgres]} through
 * {@link io.cleanusers.infrastructure.persistence.ConfiguredPostgresDataSource}; the pool's
 * bounds are fixed here because the annotation only takes constants ({@code postgres.POOL_SIZE}
 * is validated but cannot reach them). When {@code postgres.DATASOURCE} names a server-managed
 * data source instead, this one stays defined but unused: it opens no connection until asked
 * for one ({@link DataSourceProducer}).
 */
@DataSourceDefinition(
    name = DatabaseDefinition.JNDI_NAME,
    className = "io.cleanusers.infrastructure.persistence.ConfiguredPostgresDataSource",
    minPoolSize = 0,
    initialPoolSize = 0,
    maxPoolSize = 32,
    maxIdleTime = 300,
    transactional = true,
    // Payara's pool options (other servers ignore them): check a connection before use when it
    // was not checked in the last 10 s (a check per use would double the round trips of every
    // request), and drop them all after a failure, so the service recovers by itself after a
    // database outage.
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.validate-atmost-once-period-in-seconds=10",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname="
          + "org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class DatabaseDefinition {

  /** Also named by {@code persistence.xml}. */
  public static final String JNDI_NAME = "java:app/jdbc/cleanusers";
}
