package io.cleanusers.application.account.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * Session renewal (docs/contract/sessions.md#session-renewal): a session lives {@code ttl} from its
 * opening or last renewal, and a request that comes on it when less than {@code renewBelow} is left
 * renews it for another {@code ttl}. Whether a session is still live is the session's own question
 * ({@code AuthSession.isExpired}), settled before renewal is asked about: an expired one is gone.
 */
public record RenewalPolicy(Duration ttl, Duration renewBelow) {

  /** When a session opened or renewed now expires. */
  public Instant expirationFrom(Instant now) {
    return now.plus(ttl);
  }

  /** Whether a live session expiring at {@code expiration} is due for renewal. */
  public boolean isDue(Instant expiration, Instant now) {
    return Duration.between(now, expiration).compareTo(renewBelow) < 0;
  }
}
