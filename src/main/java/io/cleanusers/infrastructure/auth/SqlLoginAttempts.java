package io.cleanusers.infrastructure.auth;

import io.cleanusers.infrastructure.config.LoginThrottleSettings;
import io.cleanusers.infrastructure.persistence.SqlReads;
import io.cleanusers.infrastructure.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Brute-force protection (SPEC §5.5): consecutive failed logins per lower-cased username, kept in
 * PostgreSQL so every instance shares them. After {@code maxFailures} failures the name is locked
 * for {@code lockout}, doubling with each further lockout up to {@code maxLockout}. Each call
 * commits on its own.
 */
@ApplicationScoped
public class LoginThrottle {

  private static final String COUNT_FAILURE =
      "insert into login_throttle as t"
          + " (username_key, failures, lockouts) values (?1, 1, 0)"
          + " on conflict (username_key) do update set failures = t.failures + 1"
          + " returning failures, lockouts";

  @Inject LoginThrottleSettings settings;
  @Inject SqlReads reads;
  @Inject Transactions transactions;

  /** How long the name stays locked, if it is locked now. */
  public Optional<Duration> lockedFor(String usernameKey, Instant now) {
    return reads.query(
        "select locked_until from login_throttle where username_key = ?" + " and locked_until > ?",
        List.of(usernameKey, Timestamp.from(now)),
        rows ->
            rows.next()
                ? Optional.of(
                    Duration.between(now, rows.getObject(1, OffsetDateTime.class).toInstant()))
                : Optional.empty());
  }

  /** Counts a failure; returns the lockout it started, if this failure was one too many. */
  public Optional<Duration> recordFailure(String usernameKey, Instant now) {
    return transactions.requiresNew(
        em -> {
          Object[] counts =
              (Object[])
                  em.createNativeQuery(COUNT_FAILURE)
                      .setParameter(1, usernameKey)
                      .getSingleResult();
          int failures = ((Number) counts[0]).intValue();
          int lockouts = ((Number) counts[1]).intValue();
          if (failures < settings.maxFailures()) {
            return Optional.empty();
          }
          Duration lockout = lockoutAfter(lockouts);
          em.createNativeQuery(
                  "update login_throttle set failures = 0, lockouts = lockouts + 1,"
                      + " locked_until = ?2 where username_key = ?1")
              .setParameter(1, usernameKey)
              .setParameter(2, Timestamp.from(now.plus(lockout)))
              .executeUpdate();
          return Optional.of(lockout);
        });
  }

  /** A successful login forgets every failure and lockout of the name. */
  public void reset(String usernameKey) {
    transactions.requiresNew(
        em ->
            em.createNativeQuery("delete from login_throttle where username_key = ?1")
                .setParameter(1, usernameKey)
                .executeUpdate());
  }

  /** The first lockout lasts {@code lockout}; each earlier one doubles it, up to the cap. */
  Duration lockoutAfter(int earlierLockouts) {
    long seconds = settings.lockout().getSeconds();
    for (int i = 0; i < earlierLockouts && seconds < settings.maxLockout().getSeconds(); i++) {
      seconds *= 2;
    }
    return Duration.ofSeconds(Math.min(seconds, settings.maxLockout().getSeconds()));
  }
}
