package io.cleanusers.infrastructure.auth;

import io.cleanusers.infrastructure.config.LoginThrottleSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code login_throttle} rows in a map, doing what the SQL of {@link LoginThrottle} does: count
 * failures, start a lockout at the limit (its length from the real {@link
 * LoginThrottle#lockoutAfter}), forget everything on reset.
 */
final class InMemoryLoginThrottle extends LoginThrottle {

  private record Row(int failures, int lockouts, Instant lockedUntil) {}

  private final Map<String, Row> rows = new HashMap<>();

  InMemoryLoginThrottle(LoginThrottleSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<Duration> lockedFor(String usernameKey, Instant now) {
    return Optional.ofNullable(rows.get(usernameKey))
        .map(Row::lockedUntil)
        .filter(until -> until.isAfter(now))
        .map(until -> Duration.between(now, until));
  }

  @Override
  public Optional<Duration> recordFailure(String usernameKey, Instant now) {
    Row row = rows.getOrDefault(usernameKey, new Row(0, 0, null));
    int failures = row.failures() + 1;
    if (failures < settings.maxFailures()) {
      rows.put(usernameKey, new Row(failures, row.lockouts(), row.lockedUntil()));
      return Optional.empty();
    }
    Duration lockout = lockoutAfter(row.lockouts());
    rows.put(usernameKey, new Row(0, row.lockouts() + 1, now.plus(lockout)));
    return Optional.of(lockout);
  }

  @Override
  public void reset(String usernameKey) {
    rows.remove(usernameKey);
  }

  /** Consecutive failures counted for the name since its last lockout or reset. */
  int failuresOf(String usernameKey) {
    return Optional.ofNullable(rows.get(usernameKey)).map(Row::failures).orElse(0);
  }
}
