package io.cleanusers.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.fakes.FakePasswordHasher;
import io.cleanusers.application.fakes.SequentialUserIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The domain service: new users are active and salted; password changes re-salt. */
class UserServiceTest {

  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
  private static final Instant LATER = NOW.plusSeconds(60);

  private final UserService service =
      new UserService(new FakePasswordHasher(), new SequentialUserIds());
  private final PasswordPolicy policy = new PasswordPolicy(6);

  @Test
  void a_new_user_is_active_with_the_given_role_and_both_timestamps_now() {
    User user =
        service.createUser(new Username("Alice"), policy.accept("secret1"), UserRole.ADMIN, NOW);
    assertTrue(user.isActive());
    assertEquals(UserRole.ADMIN, user.role());
    assertEquals("Alice", user.username().value());
    assertEquals(NOW, user.createdAt());
    assertEquals(NOW, user.updatedAt());
  }

  @Test
  void a_new_user_gets_a_fresh_id() {
    User a =
        service.createUser(new Username("alice"), policy.accept("secret1"), UserRole.USER, NOW);
    User b =
        service.createUser(new Username("bobby"), policy.accept("secret1"), UserRole.USER, NOW);
    assertNotEquals(a.id(), b.id());
  }

  @Test
  void the_password_given_at_creation_is_valid_and_another_is_not() {
    User user =
        service.createUser(new Username("alice"), policy.accept("secret1"), UserRole.USER, NOW);
    assertTrue(service.isPasswordValid(user, RawPassword.offered("secret1")));
    assertFalse(service.isPasswordValid(user, RawPassword.offered("secret2")));
  }

  @Test
  void changing_the_password_re_hashes_with_a_new_salt_and_moves_updated_at() {
    User user =
        service.createUser(new Username("alice"), policy.accept("secret1"), UserRole.USER, NOW);
    PasswordHash before = user.passwordHash();
    service.changePassword(user, policy.accept("secret1"), LATER);
    assertNotEquals(before, user.passwordHash());
    assertTrue(service.isPasswordValid(user, RawPassword.offered("secret1")));
    assertEquals(LATER, user.updatedAt());
  }
}
