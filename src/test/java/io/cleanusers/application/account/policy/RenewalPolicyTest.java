package io.cleanusers.application.account.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Session renewal: a live session is renewed once less than the renewal window is left (here 1 min
 * of a 5 min life), for a full life from now; an expired session never is.
 */
class RenewalPolicyTest {

  private static final Instant NOW = Instant.parse("2025-05-05T12:00:00Z");
  private static final Duration THRESHOLD = Duration.ofMinutes(1);
  private static final RenewalPolicy POLICY = new RenewalPolicy(Duration.ofMinutes(5), THRESHOLD);

  private static AuthSession expiringIn(Duration left) {
    return new AuthSession("session-1", new UserId(UUID.randomUUID()), NOW.plus(left));
  }

  @Test
  void a_session_with_less_than_the_threshold_left_is_due_for_renewal() {
    assertTrue(POLICY.isDue(expiringIn(Duration.ofSeconds(59)).expiration(), NOW));
  }

  @Test
  void a_session_with_a_moment_left_is_due_for_renewal() {
    assertTrue(POLICY.isDue(expiringIn(Duration.ofMillis(1)).expiration(), NOW));
  }

  @Test
  void a_session_with_more_than_the_threshold_left_is_not_due() {
    assertFalse(POLICY.isDue(expiringIn(Duration.ofSeconds(61)).expiration(), NOW));
  }

  @Test
  void a_fresh_session_is_not_due() {
    assertFalse(POLICY.isDue(expiringIn(Duration.ofMinutes(5)).expiration(), NOW));
  }

  @Test
  void a_session_with_exactly_the_threshold_left_is_not_yet_due() {
    assertFalse(POLICY.isDue(expiringIn(THRESHOLD).expiration(), NOW));
  }

  @Test
  void a_session_expiring_right_now_is_expired_and_never_renewed() {
    AuthSession session = expiringIn(Duration.ZERO);
    assertTrue(session.isExpired(NOW));
    assertFalse(POLICY.isDue(session.expiration(), NOW));
  }

  @Test
  void an_expired_session_is_never_due_for_renewal() {
    AuthSession session = expiringIn(Duration.ofSeconds(-30));
    assertTrue(session.isExpired(NOW));
    assertFalse(POLICY.isDue(session.expiration(), NOW));
  }

  @Test
  void a_renewed_session_lives_a_full_ttl_from_now() {
    assertEquals(NOW.plus(Duration.ofMinutes(5)), POLICY.expirationFrom(NOW));
  }

  @Test
  void a_session_expiring_later_is_not_expired() {
    assertFalse(expiringIn(Duration.ofMillis(1)).isExpired(NOW));
  }
}
