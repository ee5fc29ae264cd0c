package io.cleanusers.infrastructure.persistence;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations under {@code db/migration}. Flyway's
 * PostgreSQL advisory lock makes concurrent starts of several instances safe.
 *
 * <p>The empty {@code db/migration/flyway.location} file lets Flyway find that folder on Open
 * Liberty, whose class loader lists no directories; the service has no Flyway callbacks, so Flyway
 * is not sent looking for {@code db/callback}.
 */
public final class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  private SchemaMigrations() {}

  /** Applies pending migrations and returns how many ran. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .callbackLocations(new String[0])
            .failOnMissingLocations(true)
            .load()
            .migrate();
    LOG.info(
        () ->
            result.migrationsExecuted == 0
                ? "Schema is up to date."
                : "Schema migrations: "
                    + result.migrationsExecuted
                    + " applied, now at version "
                    + result.targetSchemaVersion
                    + ".");
    return result.migrationsExecuted;
  }
}
