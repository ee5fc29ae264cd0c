package io.cleanusers.application.account.port;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A session is over from its expiration instant on, and live up to the moment before. */
class AuthSessionTest {

  private static final Instant NOW = Instant.parse("2025-05-05T12:00:00Z");

  private static AuthSession expiringIn(Duration left) {
    return new AuthSession("session-1", new UserId(UUID.randomUUID()), NOW.plus(left));
  }

  @Test
  void a_session_expiring_right_now_is_expired() {
    assertTrue(expiringIn(Duration.ZERO).isExpired(NOW));
  }

  @Test
  void a_session_that_expired_earlier_is_expired() {
    assertTrue(expiringIn(Duration.ofSeconds(-30)).isExpired(NOW));
  }

  @Test
  void a_session_expiring_a_moment_later_is_live() {
    assertFalse(expiringIn(Duration.ofMillis(1)).isExpired(NOW));
  }
}
