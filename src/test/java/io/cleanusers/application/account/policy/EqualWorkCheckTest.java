package io.cleanusers.application.account.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleanusers.application.fakes.CountingPasswordHasher;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Equal-work log-in: the right password gives the user; a wrong password and an unknown name give
 * nothing, and each costs exactly one password check, so neither can be told from the other.
 */
class EqualWorkCheckTest {

  private final CountingPasswordHasher hasher = new CountingPasswordHasher();
  private final EqualWorkCheck check = new EqualWorkCheck(hasher, new PasswordPolicy(6));
  private final User alice =
      new User(
          new UserId(UUID.randomUUID()),
          new Username("alice"),
          hasher.hash(RawPassword.offered("right-password")),
          UserRole.USER,
          true,
          Instant.EPOCH,
          Instant.EPOCH);

  @BeforeEach
  void countFromHere() {
    hasher.forgetVerifications();
  }

  @Test
  void the_right_password_gives_the_user_after_one_check() {
    assertEquals(
        Optional.of(alice),
        check.verify(Optional.of(alice), RawPassword.offered("right-password")));
    assertEquals(1, hasher.verifications());
  }

  @Test
  void a_wrong_password_gives_nothing_after_one_check() {
    assertEquals(
        Optional.empty(), check.verify(Optional.of(alice), RawPassword.offered("wrong-password")));
    assertEquals(1, hasher.verifications());
  }

  @Test
  void an_unknown_name_gives_nothing_after_one_check_all_the_same() {
    assertEquals(
        Optional.empty(), check.verify(Optional.empty(), RawPassword.offered("right-password")));
    assertEquals(1, hasher.verifications());
  }
}
