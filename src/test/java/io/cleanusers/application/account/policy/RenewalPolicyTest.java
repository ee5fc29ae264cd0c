package io.cleanusers.infrastructure.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5.4: a live session is renewed once less than TTL × threshold is left (5 min × 0.2 = 1 min
 * by default); an expired session never is.
 */
class AuthSessionTest {

  private static final Instant NOW = Instant.parse("2025-05-05T12:00:00Z");
  private static final Duration THRESHOLD = Duration.ofMinutes(1);

  private static AuthSession expiringIn(Duration left) {
    return new AuthSession("session-1", new UserId(UUID.randomUUID()), NOW.plus(left));
  }

  @Test
  void a_session_with_less_than_the_threshold_left_is_due_for_renewal() {
    assertTrue(expiringIn(Duration.ofSeconds(59)).isDueForRenewal(NOW, THRESHOLD));
  }

  @Test
  void a_session_with_a_moment_left_is_due_for_renewal() {
    assertTrue(expiringIn(Duration.ofMillis(1)).isDueForRenewal(NOW, THRESHOLD));
  }

  @Test
  void a_session_with_more_than_the_threshold_left_is_not_due() {
    assertFalse(expiringIn(Duration.ofSeconds(61)).isDueForRenewal(NOW, THRESHOLD));
  }

  @Test
  void a_fresh_session_is_not_due() {
    assertFalse(expiringIn(Duration.ofMinutes(5)).isDueForRenewal(NOW, THRESHOLD));
  }

  @Test
  void a_session_with_exactly_the_threshold_left_is_not_yet_due() {
    assertFalse(expiringIn(THRESHOLD).isDueForRenewal(NOW, THRESHOLD));
  }

  @Test
  void a_session_expiring_right_now_is_expired_and_never_renewed() {
    AuthSession session = expiringIn(Duration.ZERO);
    assertTrue(session.isExpired(NOW));
    assertFalse(session.isDueForRenewal(NOW, THRESHOLD));
  }

  @Test
  void an_expired_session_is_never_due_for_renewal() {
    AuthSession session = expiringIn(Duration.ofSeconds(-30));
    assertTrue(session.isExpired(NOW));
    assertFalse(session.isDueForRenewal(NOW, THRESHOLD));
  }

  @Test
  void a_session_expiring_later_is_not_expired() {
    assertFalse(expiringIn(Duration.ofMillis(1)).isExpired(NOW));
  }
}
