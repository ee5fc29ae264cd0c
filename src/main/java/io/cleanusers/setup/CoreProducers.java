package io.cleanusers.setup;

import io.cleanusers.domain.user.PasswordHasher;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.UserIdGenerator;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.infrastructure.auth.SessionTokens;
import io.cleanusers.infrastructure.config.PasswordSettings;
import io.cleanusers.infrastructure.config.SessionSettings;
import io.cleanusers.infrastructure.monitoring.MeasuredPasswordHasher;
import io.cleanusers.infrastructure.monitoring.MetricsRegistries;
import io.cleanusers.infrastructure.monitoring.ServiceMetrics;
import io.cleanusers.infrastructure.security.PepperedBcryptHasher;
import io.cleanusers.infrastructure.security.UuidV7Generator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the plain-Java domain services and adapters into CDI, one instance each, from the validated
 * settings.
 */
@ApplicationScoped
public class CoreProducers {

  /** SPEC §5.6: a request that cannot get a hashing slot within this time gets 503. */
  private static final long HASHER_MAX_WAIT_MILLIS = 1000;

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Into the server's metrics registry, whichever API it offers (or nowhere). */
  @Produces
  @Singleton
  ServiceMetrics metrics() {
    return MetricsRegistries.serviceMetrics();
  }

  @Produces
  @Singleton
  PasswordHasher passwordHasher(PasswordSettings settings, ServiceMetrics metrics) {
    return new MeasuredPasswordHasher(
        new PepperedBcryptHasher(
            settings.pepper(),
            settings.bcryptCost(),
            settings.hasherThreads(),
            HASHER_MAX_WAIT_MILLIS),
        metrics);
  }

  @Produces
  @Singleton
  UserIdGenerator userIds(Clock clock) {
    return new UuidV7Generator(clock);
  }

  @Produces
  @Singleton
  UserService userService(PasswordHasher hasher, UserIdGenerator ids) {
    return new UserService(hasher, ids);
  }

  @Produces
  @Singleton
  PasswordPolicy passwordPolicy(PasswordSettings settings) {
    return new PasswordPolicy(settings.minLength());
  }

  @Produces
  @Singleton
  SessionTokens sessionTokens(SessionSettings settings) {
    return new SessionTokens(settings.jwtSecret(), settings.jwtAlgorithm());
  }
}
