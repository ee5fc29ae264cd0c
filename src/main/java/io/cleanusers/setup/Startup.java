package io.cleanusers.setup;

import io.cleanusers.infrastructure.config.Settings;
import io.cleanusers.infrastructure.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Work done once when the WAR deploys, in this order: validate every setting, migrate the
 * schema, then the start-up tasks (bootstrap super admin, session purge). Any failure stops
 * the deployment with one line saying what to fix.
 */
@ApplicationScoped
public class Startup {

  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  DataSource dataSource;

  @Inject Settings settings;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    try {
      LOG.info(() -> "clean-users starting with " + settings.database() + ", "
          + settings.session() + ", " + settings.password() + ".");
      SchemaMigrations.migrate(dataSource);
    } catch (RuntimeException e) {
      LOG.severe(() -> "clean-users cannot start: " + e.getMessage());
      throw e;
    }
  }
}
