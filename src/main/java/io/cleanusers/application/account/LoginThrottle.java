package io.cleanusers.application.account;

import io.cleanusers.application.account.policy.LockoutPolicy;
import io.cleanusers.application.account.port.LoginAttempts;
import io.cleanusers.application.account.port.ThrottleRecord;
import io.cleanusers.domain.user.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Brute-force protection: the {@link LockoutPolicy} applied to the counted failures of a name. */
@ApplicationScoped
public class LoginThrottle {

  private final LoginAttempts attempts;
  private final LockoutPolicy policy;
  private final Clock clock;

  @Inject
  public LoginThrottle(LoginAttempts attempts, LockoutPolicy policy, Clock clock) {
    this.attempts = attempts;
    this.policy = policy;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected LoginThrottle() {
    this(null, null, null);
  }

  /** What is on record for the name now; a running lockout is refused before any hashing. */
  public ThrottleRecord recordOf(Username name) {
    return attempts.recordOf(name.key(), clock.instant());
  }

  /** Counts a failure; returns the lockout it started, if it was one too many. */
  public Optional<Duration> countFailure(Username name) {
    return attempts.countFailure(name.key(), clock.instant(), policy);
  }

  /**
   * Resets the name after a successful log-in, when {@code seen} (read before its password was
   * checked) held anything. Most log-ins follow no failure and cost no statement here. A failure
   * counted between that read and now stays counted, as if it had come just after this log-in.
   */
  public void forget(Username name, ThrottleRecord seen) {
    if (seen.exists()) {
      attempts.forget(name.key());
    }
  }
}
