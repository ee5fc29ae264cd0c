package io.cleanusers.application.account.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link LoginAttempts} holds for a name at one moment: whether it holds anything at all
 * (failures counted since the last successful log-in, or a lockout, running or over) and, while a
 * lockout runs, the time left of it.
 */
public record ThrottleRecord(boolean exists, Optional<Duration> lockedFor) {

  /** Nothing held: the name has no failure since its last successful log-in. */
  public static final ThrottleRecord NONE = new ThrottleRecord(false, Optional.empty());

  /** A name with something on record, locked until {@code lockedUntil} (null: never locked). */
  public static ThrottleRecord held(Instant lockedUntil, Instant now) {
    return new ThrottleRecord(
        true,
        Optional.ofNullable(lockedUntil)
            .filter(now::isBefore)
            .map(until -> Duration.between(now, until)));
  }
}
