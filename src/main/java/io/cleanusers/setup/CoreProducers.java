package io.cleanusers.setup;

import io.cleanusers.application.account.policy.EqualWorkCheck;
import io.cleanusers.application.account.policy.LockoutPolicy;
import io.cleanusers.application.account.policy.RenewalPolicy;
import io.cleanusers.application.account.port.SessionTokens;
import io.cleanusers.application.common.port.ServiceMetrics;
import io.cleanusers.domain.user.PasswordHasher;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.UserIdGenerator;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.infrastructure.auth.JwtSessionTokens;
import io.cleanusers.infrastructure.config.LoginThrottleSettings;
import io.cleanusers.infrastructure.config.PasswordSettings;
import io.cleanusers.infrastructure.config.SessionSettings;
import io.cleanusers.infrastructure.monitoring.MeasuredPasswordHasher;
import io.cleanusers.infrastructure.monitoring.MetricsRegistries;
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

  /**
   * A request that cannot get a hashing slot within this time gets 503 (docs/contract/accounts.md,
   * "Hasher pool").
   */
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
    return new JwtSessionTokens(settings.jwtSecret(), settings.jwtAlgorithm());
  }

  @Produces
  @Singleton
  RenewalPolicy renewalPolicy(SessionSettings settings) {
    return new RenewalPolicy(settings.ttl(), settings.refreshBelow());
  }

  @Produces
  @Singleton
  LockoutPolicy lockoutPolicy(LoginThrottleSettings settings) {
    return new LockoutPolicy(settings.maxFailures(), settings.lockout(), settings.maxLockout());
  }

  @Produces
  @Singleton
  EqualWorkCheck equalWorkCheck(PasswordHasher hasher, PasswordPolicy policy) {
    return new EqualWorkCheck(hasher, policy);
  }
}
