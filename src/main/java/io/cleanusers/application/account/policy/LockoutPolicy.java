package io.cleanusers.application.account.policy;

import java.time.Duration;
import java.util.Optional;

/**
 * The lockout back-off: after {@code maxFailures} consecutive failed log-ins a name is locked for
 * {@code lockout}, each further lockout twice as long as the one before, never longer than {@code
 * maxLockout}.
 */
public record LockoutPolicy(int maxFailures, Duration lockout, Duration maxLockout) {

  /**
   * The lockout to start once a name has {@code failures} consecutive failures and {@code
   * earlierLockouts} lockouts behind it; empty while under the limit.
   */
  public Optional<Duration> lockoutFor(int failures, int earlierLockouts) {
    return failures < maxFailures ? Optional.empty() : Optional.of(lengthAfter(earlierLockouts));
  }

  private Duration lengthAfter(int earlierLockouts) {
    long seconds = lockout.getSeconds();
    long cap = maxLockout.getSeconds();
    for (int i = 0; i < earlierLockouts && seconds < cap; i++) {
      seconds *= 2;
    }
    return Duration.ofSeconds(Math.min(seconds, cap));
  }
}
