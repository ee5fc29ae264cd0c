package io.cleanusers.application.common.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.common.exception.UsernameTakenException;
import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} must do (docs/contract/accounts.md, "Username case"): names
 * unique and found regardless of letter case, kept as given; a change counts once it is written
 * back. Extend it with the repository under test: the in-memory fake, and the JPA adapter on
 * PostgreSQL.
 */
public abstract class UserRepositoryContract {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  /** Appended to every name: no other run uses it, so a shared database needs no cleaning. */
  private final String tag = UUID.randomUUID().toString().substring(0, 6);

  protected abstract UserRepository repository();

  private Username name(String base) {
    return new Username(base + tag);
  }

  private User user(String base) {
    return new User(
        new UserId(UUID.randomUUID()),
        name(base),
        new PasswordHash("h"),
        UserRole.USER,
        true,
        T0,
        T0);
  }

  @Test
  void a_user_is_found_by_name_in_any_letter_case_and_keeps_its_own() {
    User alice = user("Alice");
    repository().add(alice);
    User found = repository().findByUsername(name("aLICE")).orElseThrow();
    assertEquals(alice.id(), found.id());
    assertEquals("Alice" + tag, found.username().value());
  }

  @Test
  void a_name_taken_in_another_letter_case_cannot_be_added() {
    repository().add(user("Alice"));
    UsernameTakenException refused =
        assertThrows(UsernameTakenException.class, () -> repository().add(user("ALICE")));
    assertEquals("User with username 'ALICE" + tag + "' already exists.", refused.getMessage());
  }

  @Test
  void an_unknown_name_is_not_found() {
    assertFalse(repository().findByUsernameForUpdate(name("ghost1")).isPresent());
  }

  @Test
  void a_change_written_back_is_kept() {
    repository().add(user("alice"));
    User loaded = repository().findByUsernameForUpdate(name("alice")).orElseThrow();
    loaded.deactivate(T0.plusSeconds(5));
    repository().update(loaded);
    User again = repository().findByUsername(name("alice")).orElseThrow();
    assertFalse(again.isActive());
    assertEquals(T0.plusSeconds(5), again.updatedAt());
  }

  @Test
  void a_change_never_written_back_is_not_kept() {
    repository().add(user("alice"));
    repository().findByUsername(name("alice")).orElseThrow().deactivate(T0);
    assertTrue(repository().findByUsername(name("alice")).orElseThrow().isActive());
  }
}
