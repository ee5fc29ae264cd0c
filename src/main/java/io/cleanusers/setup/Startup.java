package io.cleanusers.setup;

import io.cleanusers.application.common.exception.UsernameTakenException;
import io.cleanusers.domain.user.DomainValidationException;
import io.cleanusers.infrastructure.auth.SqlSessionStore;
import io.cleanusers.infrastructure.config.InvalidConfigurationException;
import io.cleanusers.infrastructure.config.Settings;
import io.cleanusers.infrastructure.logging.LogSetup;
import io.cleanusers.infrastructure.persistence.FirstConnection;
import io.cleanusers.infrastructure.persistence.SchemaMigrations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Work done once when the WAR deploys, in this order: validate every setting, set up logging, wait
 * for the database, migrate the schema, create the bootstrap super admin, and schedule the purge of
 * expired sessions. Any failure stops the deployment with one line saying what to fix. At
 * undeployment the purge stops and the queued log lines are written.
 */
@ApplicationScoped
public class Startup {

  private static final Logger LOG = Logger.getLogger(Startup.class.getName());
  private static final long PURGE_EVERY_SECONDS = 60;

  @Inject DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource ManagedThreadFactory threads;

  @Inject Settings settings;
  @Inject BootstrapSuperAdmin bootstrap;
  @Inject SqlSessionStore sessions;
  @Inject Clock clock;

  private ScheduledFuture<?> purge;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    try {
      LogSetup.apply(settings.logs(), threads);
      LOG.info(
          () ->
              "clean-users starting with "
                  + settings.database()
                  + ", "
                  + settings.session()
                  + ", "
                  + settings.password()
                  + ".");
      FirstConnection.await(dataSource, settings.database().where());
      SchemaMigrations.migrate(dataSource);
      createSuperAdmin();
      purge =
          scheduler.scheduleWithFixedDelay(
              this::purgeExpiredSessions,
              PURGE_EVERY_SECONDS,
              PURGE_EVERY_SECONDS,
              TimeUnit.SECONDS);
    } catch (InvalidConfigurationException | DomainValidationException e) {
      LOG.severe(() -> "clean-users cannot start: " + e.getMessage());
      throw e;
    }
  }

  private void createSuperAdmin() {
    try {
      if (bootstrap.createIfAbsent()) {
        LOG.info(
            () ->
                "Bootstrap super admin '"
                    + settings.bootstrap().username().orElseThrow()
                    + "' created.");
      }
    } catch (UsernameTakenException e) {
      LOG.info("Bootstrap super admin created by another instance meanwhile.");
    } catch (DomainValidationException e) {
      throw new InvalidConfigurationException(
          "bootstrap.SUPER_ADMIN_USERNAME / PASSWORD", e.getMessage().replaceAll("\\.$", ""));
    }
  }

  private void purgeExpiredSessions() {
    try {
      int purged = sessions.purgeExpired(clock.instant());
      LOG.fine(() -> "Purged " + purged + " expired sessions.");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Purging expired sessions failed; will retry.", e);
    }
  }

  @PreDestroy
  void stop() {
    if (purge != null) {
      purge.cancel(false);
    }
    LogSetup.stop();
  }
}
