package io.cleanusers.application.fakes;

import io.cleanusers.application.account.policy.LockoutPolicy;
import io.cleanusers.application.account.port.LoginAttempts;
import io.cleanusers.application.account.port.ThrottleRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The failure counts in a map; {@code LoginAttemptsContract} holds it to the real table's rules.
 */
public final class InMemoryLoginAttempts implements LoginAttempts {

  private record Row(int failures, int lockouts, Instant lockedUntil) {}

  private final Map<String, Row> rows = new HashMap<>();

  @Override
  public ThrottleRecord recordOf(String usernameKey, Instant now) {
    Row row = rows.get(usernameKey);
    return row == null ? ThrottleRecord.NONE : ThrottleRecord.held(row.lockedUntil(), now);
  }

  @Override
  public Optional<Duration> countFailure(String usernameKey, Instant now, LockoutPolicy policy) {
    Row row = rows.getOrDefault(usernameKey, new Row(0, 0, null));
    int failures = row.failures() + 1;
    Optional<Duration> lockout = policy.lockoutFor(failures, row.lockouts());
    rows.put(
        usernameKey,
        lockout
            .map(length -> new Row(0, row.lockouts() + 1, now.plus(length)))
            .orElse(new Row(failures, row.lockouts(), row.lockedUntil())));
    return lockout;
  }

  @Override
  public void forget(String usernameKey) {
    rows.remove(usernameKey);
  }

  /** Consecutive failures counted for the name since its last lockout or reset. */
  public int failuresOf(String usernameKey) {
    return Optional.ofNullable(rows.get(usernameKey)).map(Row::failures).orElse(0);
  }
}
