package io.cleanusers.application.account.port;

import io.cleanusers.application.account.policy.LockoutPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The failed log-ins counted per lower-cased username, shared by every instance of the service.
 * Each call commits on its own: a failure stays counted whatever the request does next.
 */
public interface LoginAttempts {

  /** What is on record for the name at {@code now}, with the time left of a running lockout. */
  ThrottleRecord recordOf(String usernameKey, Instant now);

  /**
   * Counts one more failure and, as one atomic step, starts the lockout the policy asks for.
   *
   * @return the lockout this failure started, if any
   */
  Optional<Duration> countFailure(String usernameKey, Instant now, LockoutPolicy policy);

  /** Forgets every failure and lockout of the name (a successful log-in). */
  void forget(String usernameKey);
}
