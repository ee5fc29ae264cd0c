package io.cleanusers.infrastructure.auth;

import io.cleanusers.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;

/** A server-side session (SPEC §5.1): its random id, its user and when it expires. */
public record AuthSession(String id, UserId userId, Instant expiration) {

  public boolean isExpired(Instant now) {
    return !expiration.isAfter(now);
  }

  /** SPEC §5.4: renew a live session once less than {@code threshold} of its life is left. */
  public boolean isDueForRenewal(Instant now, Duration threshold) {
    return !isExpired(now) && Duration.between(now, expiration).compareTo(threshold) < 0;
  }
}
