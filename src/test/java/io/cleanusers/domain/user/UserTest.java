package io.cleanusers.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A no-op change reports nothing changed and leaves updatedAt alone (docs/contract/routes.md,
 * "No-op changes").
 */
class UserTest {

  private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
  private static final Instant LATER = Instant.parse("2025-01-02T11:30:00Z");

  private static User user(UserRole role, boolean active) {
    return new User(
        new UserId(UUID.randomUUID()),
        new Username("alice"),
        new PasswordHash("old-hash"),
        role,
        active,
        CREATED,
        CREATED);
  }

  @Test
  void activating_an_active_user_changes_nothing() {
    User user = user(UserRole.USER, true);
    assertFalse(user.activate(LATER));
    assertTrue(user.isActive());
    assertEquals(CREATED, user.updatedAt());
  }

  @Test
  void activating_an_inactive_user_activates_them_and_moves_updated_at() {
    User user = user(UserRole.USER, false);
    assertTrue(user.activate(LATER));
    assertTrue(user.isActive());
    assertEquals(LATER, user.updatedAt());
  }

  @Test
  void deactivating_an_inactive_user_changes_nothing() {
    User user = user(UserRole.USER, false);
    assertFalse(user.deactivate(LATER));
    assertFalse(user.isActive());
    assertEquals(CREATED, user.updatedAt());
  }

  @Test
  void deactivating_an_active_user_deactivates_them_and_moves_updated_at() {
    User user = user(UserRole.USER, true);
    assertTrue(user.deactivate(LATER));
    assertFalse(user.isActive());
    assertEquals(LATER, user.updatedAt());
  }

  @Test
  void giving_a_user_the_role_they_have_changes_nothing() {
    User user = user(UserRole.ADMIN, true);
    assertFalse(user.changeRole(UserRole.ADMIN, LATER));
    assertEquals(UserRole.ADMIN, user.role());
    assertEquals(CREATED, user.updatedAt());
  }

  @Test
  void giving_a_user_another_role_changes_it_and_moves_updated_at() {
    User user = user(UserRole.USER, true);
    assertTrue(user.changeRole(UserRole.ADMIN, LATER));
    assertEquals(UserRole.ADMIN, user.role());
    assertEquals(LATER, user.updatedAt());
  }

  @Test
  void a_new_password_hash_always_moves_updated_at() {
    User user = user(UserRole.USER, true);
    user.changePasswordHash(new PasswordHash("new-hash"), LATER);
    assertEquals("new-hash", user.passwordHash().value());
    assertEquals(LATER, user.updatedAt());
  }

  @Test
  void changes_never_move_created_at() {
    User user = user(UserRole.USER, true);
    user.deactivate(LATER);
    user.changeRole(UserRole.ADMIN, LATER);
    user.changePasswordHash(new PasswordHash("new-hash"), LATER);
    assertEquals(CREATED, user.createdAt());
  }

  @Test
  void a_password_hash_never_prints_its_value() {
    assertFalse(new PasswordHash("$2a$04$secretpart").toString().contains("secretpart"));
  }

  @Test
  void a_password_hash_prints_as_a_mask_so_a_log_shows_one_was_there() {
    assertEquals("PasswordHash[****]", new PasswordHash("$2a$04$secretpart").toString());
  }
}
