package io.cleanusers.infrastructure.config;

import java.time.Duration;

/**
 * Brute-force protection of the login route ({@code [security.login]}; docs/contract/sessions.md,
 * "Lockout back-off").
 */
public record LoginThrottleSettings(int maxFailures, Duration lockout, Duration maxLockout) {

  static LoginThrottleSettings read(ConfigValues values) {
    int lockout = values.integer("security.login.LOCKOUT_SECONDS", 1, 86_400);
    return new LoginThrottleSettings(
        values.integer("security.login.MAX_FAILURES", 1, 1000),
        Duration.ofSeconds(lockout),
        Duration.ofSeconds(values.integer("security.login.MAX_LOCKOUT_SECONDS", lockout, 86_400)));
  }
}
