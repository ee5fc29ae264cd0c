package io.cleanusers.application.account.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Session renewal: a live session is renewed once less than the renewal window is left (here 1 min
 * of a 5 min life), for a full life from now. (That an expired one never is: {@code
 * CurrentSessionTest}.)
 */
class RenewalPolicyTest {

  private static final Instant NOW = Instant.parse("2025-05-05T12:00:00Z");
  private static final Duration THRESHOLD = Duration.ofMinutes(1);
  private static final RenewalPolicy POLICY = new RenewalPolicy(Duration.ofMinutes(5), THRESHOLD);

  /** The expiration of a session with {@code left} to live. */
  private static Instant expiringIn(Duration left) {
    return NOW.plus(left);
  }

  @Test
  void a_session_with_less_than_the_threshold_left_is_due_for_renewal() {
    assertTrue(POLICY.isDue(expiringIn(Duration.ofSeconds(59)), NOW));
  }

  @Test
  void a_session_with_a_moment_left_is_due_for_renewal() {
    assertTrue(POLICY.isDue(expiringIn(Duration.ofMillis(1)), NOW));
  }

  @Test
  void a_session_with_more_than_the_threshold_left_is_not_due() {
    assertFalse(POLICY.isDue(expiringIn(Duration.ofSeconds(61)), NOW));
  }

  @Test
  void a_fresh_session_is_not_due() {
    assertFalse(POLICY.isDue(expiringIn(Duration.ofMinutes(5)), NOW));
  }

  @Test
  void a_session_with_exactly_the_threshold_left_is_not_yet_due() {
    assertFalse(POLICY.isDue(expiringIn(THRESHOLD), NOW));
  }

  @Test
  void a_renewed_session_lives_a_full_ttl_from_now() {
    assertEquals(NOW.plus(Duration.ofMinutes(5)), POLICY.expirationFrom(NOW));
  }
}
