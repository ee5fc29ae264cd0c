package io.cleanusers.application.common.port;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The "self" check: a name is the caller's own regardless of letter case, whatever the role. */
class CallerTest {

  private static Caller alice(UserRole role) {
    return new Caller(
        new UserId(UUID.randomUUID()), new Username("Alice"), role, Instant.EPOCH, Instant.EPOCH);
  }

  @ParameterizedTest
  @EnumSource(UserRole.class)
  void the_callers_own_name_is_self_in_any_letter_case(UserRole role) {
    assertTrue(alice(role).is(new Username("Alice")));
    assertTrue(alice(role).is(new Username("aLICE")));
  }

  @ParameterizedTest
  @EnumSource(UserRole.class)
  void another_name_is_not_self(UserRole role) {
    assertFalse(alice(role).is(new Username("Alice1")));
    assertFalse(alice(role).is(new Username("bobby")));
  }
}
