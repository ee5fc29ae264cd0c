package io.cleanusers.application.account.port;

import io.cleanusers.domain.user.UserId;
import java.time.Instant;

/** A server-side session: its random id, its user and when it expires. */
public record AuthSession(String id, UserId userId, Instant expiration) {

  /**
   * Whether the session is over at {@code now}: from its expiration instant on it neither
   * authenticates nor renews (docs/contract/sessions.md#session-resolution).
   */
  public boolean isExpired(Instant now) {
    return !expiration.isAfter(now);
  }
}
