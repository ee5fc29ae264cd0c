package io.cleanusers.application.account.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * Session renewal: a session lives {@code ttl} from its opening or last renewal, and a request that
 * comes when less than {@code renewBelow} of it is left renews it for another {@code ttl}.
 */
public record RenewalPolicy(Duration ttl, Duration renewBelow) {

  /** When a session opened or renewed now expires. */
  public Instant expirationFrom(Instant now) {
    return now.plus(ttl);
  }

  /** Whether a session expiring at {@code expiration} is still live and due for renewal. */
  public boolean isDue(Instant expiration, Instant now) {
    return expiration.isAfter(now) && Duration.between(now, expiration).compareTo(renewBelow) < 0;
  }
}
