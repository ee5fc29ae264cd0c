package io.cleanusers.application.command;

import static io.cleanusers.application.fakes.TestBed.passwordOf;
import static io.cleanusers.domain.user.UserRole.ADMIN;
import static io.cleanusers.domain.user.UserRole.SUPER_ADMIN;
import static io.cleanusers.domain.user.UserRole.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.common.exception.CurrentPasswordRequiredException;
import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.exception.NotAuthorizedException;
import io.cleanusers.application.common.exception.UserNotFoundException;
import io.cleanusers.application.fakes.RecordingAuditTrail.Entry;
import io.cleanusers.application.fakes.TestBed;
import io.cleanusers.domain.user.DomainValidationException;
import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Change password (PATCH /api/v1/users/change-password): username and new-password rules → own
 * password: current one required and right → someone else's: caller manages someone (before the
 * look-up) → 404 → target below the caller → new hash; every other session of the target ends, the
 * caller's current one stays.
 */
class ChangePasswordTest {

  private static final String NEW_PASSWORD = "brand-new-pw";

  private final TestBed bed = new TestBed();
  private final ChangePassword changePassword =
      new ChangePassword(
          bed.identity,
          bed.targets,
          bed.passwordPolicy,
          bed.users,
          bed.repository,
          bed.revoker,
          bed.audit,
          bed.clock);

  private static Optional<String> current(String password) {
    return Optional.of(password);
  }

  // --- one's own password ---

  @Test
  void user_changes_own_password_by_giving_the_current_one() {
    bed.callAs(bed.existing("user1", USER));
    Instant now = bed.later();

    changePassword.change("user1", NEW_PASSWORD, current(passwordOf("user1")));

    assertTrue(bed.passwordVerifies("user1", NEW_PASSWORD));
    assertFalse(bed.passwordVerifies("user1", passwordOf("user1")));
    assertEquals(now, bed.stored("user1").updatedAt());
  }

  @Test
  void own_password_change_ends_every_other_session_but_keeps_the_current_one() {
    User user = bed.existing("user1", USER);
    String other1 = bed.revoker.openSession(user.id());
    String other2 = bed.revoker.openSession(user.id());
    bed.callAs(user);
    Set<String> before = bed.revoker.sessionsOf(user.id());

    changePassword.change("user1", NEW_PASSWORD, current(passwordOf("user1")));

    Set<String> left = bed.revoker.sessionsOf(user.id());
    assertEquals(1, left.size());
    assertTrue(before.containsAll(left));
    assertFalse(left.contains(other1));
    assertFalse(left.contains(other2));
    assertEquals(Set.of(other1, other2), Set.copyOf(bed.revoker.revoked()));
  }

  @Test
  void own_name_in_another_letter_case_is_still_ones_own_password() {
    bed.callAs(bed.existing("Alice", USER));
    assertThrows(
        CurrentPasswordRequiredException.class,
        () -> changePassword.change("aLiCe", NEW_PASSWORD, Optional.empty()));
    changePassword.change("aLiCe", NEW_PASSWORD, current(passwordOf("Alice")));
    assertTrue(bed.passwordVerifies("alice", NEW_PASSWORD));
  }

  @Test
  void own_password_change_without_the_current_password_is_refused() {
    bed.callAs(bed.existing("user1", USER));
    CurrentPasswordRequiredException refused =
        assertThrows(
            CurrentPasswordRequiredException.class,
            () -> changePassword.change("user1", NEW_PASSWORD, Optional.empty()));
    assertEquals("Current password is required.", refused.getMessage());
    assertTrue(bed.passwordVerifies("user1", passwordOf("user1")));
  }

  @Test
  void own_password_change_with_a_wrong_current_password_is_refused_and_changes_nothing() {
    User user = bed.existing("user1", USER);
    bed.revoker.openSession(user.id());
    bed.callAs(user);

    NotAuthorizedException refused =
        assertThrows(
            NotAuthorizedException.class,
            () -> changePassword.change("user1", NEW_PASSWORD, current("wrong-password")));

    assertEquals("Invalid current password.", refused.getMessage());
    assertTrue(bed.passwordVerifies("user1", passwordOf("user1")));
    assertTrue(bed.repository.updates().isEmpty());
    assertTrue(bed.revoker.revoked().isEmpty());
  }

  @Test
  void admin_changing_own_password_also_needs_the_current_one() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertThrows(
        CurrentPasswordRequiredException.class,
        () -> changePassword.change("admin1", NEW_PASSWORD, Optional.empty()));
  }

  @Test
  void super_admin_changes_own_password_with_the_current_one() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    changePassword.change("root1", NEW_PASSWORD, current(passwordOf("root1")));
    assertTrue(bed.passwordVerifies("root1", NEW_PASSWORD));
  }

  @Test
  void the_new_password_rules_come_before_the_current_password_check() {
    bed.callAs(bed.existing("user1", USER));
    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () -> changePassword.change("user1", "short", Optional.empty()));
    assertEquals("Password must be at least 6 characters long.", refused.getMessage());
  }

  @Test
  void the_new_password_rules_come_before_a_wrong_current_password() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(
        DomainValidationException.class,
        () -> changePassword.change("user1", "p".repeat(1025), current("wrong-password")));
  }

  @Test
  void the_username_rules_come_first() {
    bed.callAs(bed.existing("user1", USER));
    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class,
            () -> changePassword.change("us", "short", Optional.empty()));
    assertEquals("Username must be between 5 and 20 characters.", refused.getMessage());
  }

  @Test
  void each_change_gets_a_fresh_salt_even_for_the_same_password() {
    bed.callAs(bed.existing("user1", USER));
    changePassword.change("user1", NEW_PASSWORD, current(passwordOf("user1")));
    PasswordHash first = bed.stored("user1").passwordHash();
    changePassword.change("user1", NEW_PASSWORD, current(NEW_PASSWORD));
    assertNotEquals(first, bed.stored("user1").passwordHash());
    assertTrue(bed.passwordVerifies("user1", NEW_PASSWORD));
  }

  @Test
  void a_password_change_leaves_an_audit_line_without_the_password() {
    bed.callAs(bed.existing("user1", USER));
    changePassword.change("user1", NEW_PASSWORD, current(passwordOf("user1")));
    assertEquals(
        List.of(new Entry("password_changed", "success", bed.actorOf("user1"), "user1")),
        bed.audit.entries());
  }

  // --- someone else's password ---

  @Test
  void admin_changes_a_plain_users_password_without_a_current_password() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("user1", USER);
    changePassword.change("user1", NEW_PASSWORD, Optional.empty());
    assertTrue(bed.passwordVerifies("user1", NEW_PASSWORD));
  }

  @Test
  void admin_changing_a_users_password_ends_all_of_that_users_sessions_but_not_the_admins() {
    User admin = bed.existing("admin1", ADMIN);
    bed.callAs(admin);
    User target = bed.existing("user1", USER);
    String s1 = bed.revoker.openSession(target.id());
    String s2 = bed.revoker.openSession(target.id());

    changePassword.change("user1", NEW_PASSWORD, Optional.empty());

    assertEquals(Set.of(), bed.revoker.sessionsOf(target.id()));
    assertEquals(Set.of(s1, s2), Set.copyOf(bed.revoker.revoked()));
    assertEquals(1, bed.revoker.sessionsOf(admin.id()).size());
  }

  @Test
  void the_current_password_is_ignored_when_the_target_is_someone_else() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("user1", USER);
    changePassword.change("user1", NEW_PASSWORD, current("not-anyones-password"));
    assertTrue(bed.passwordVerifies("user1", NEW_PASSWORD));
  }

  @Test
  void super_admin_changes_an_admins_password() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("admin1", ADMIN);
    changePassword.change("admin1", NEW_PASSWORD, Optional.empty());
    assertTrue(bed.passwordVerifies("admin1", NEW_PASSWORD));
  }

  @Test
  void admin_cannot_change_another_admins_password() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("admin2", ADMIN);
    assertEquals(
        "Not authorized.",
        assertThrows(
                NotAuthorizedException.class,
                () -> changePassword.change("admin2", NEW_PASSWORD, Optional.empty()))
            .getMessage());
    assertTrue(bed.passwordVerifies("admin2", passwordOf("admin2")));
  }

  @Test
  void admin_cannot_change_a_super_admins_password() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("root1", SUPER_ADMIN);
    assertThrows(
        NotAuthorizedException.class,
        () -> changePassword.change("root1", NEW_PASSWORD, Optional.empty()));
    assertTrue(bed.passwordVerifies("root1", passwordOf("root1")));
  }

  @Test
  void a_super_admins_password_is_changed_only_by_that_super_admin() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("root2", SUPER_ADMIN);
    assertThrows(
        NotAuthorizedException.class,
        () -> changePassword.change("root2", NEW_PASSWORD, current(passwordOf("root2"))));
    assertTrue(bed.passwordVerifies("root2", passwordOf("root2")));
  }

  @ParameterizedTest(name = "target {0}")
  @ValueSource(strings = {"user2", "ghost1"})
  void plain_user_changing_someone_elses_password_gets_403_whether_or_not_they_exist(
      String target) {
    bed.callAs(bed.existing("user1", USER));
    bed.existing("user2", USER);
    NotAuthorizedException refused =
        assertThrows(
            NotAuthorizedException.class,
            () -> changePassword.change(target, NEW_PASSWORD, Optional.empty()));
    assertEquals("Not authorized.", refused.getMessage());
    assertTrue(bed.repository.lookups().isEmpty(), "the target is not even looked up");
    assertTrue(bed.passwordVerifies("user2", passwordOf("user2")));
  }

  @Test
  void plain_user_naming_an_invalid_username_gets_the_username_rule() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(
        DomainValidationException.class,
        () -> changePassword.change("-user2", NEW_PASSWORD, Optional.empty()));
  }

  @Test
  void admin_changing_an_unknown_users_password_gets_not_found() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertEquals(
        "User with username 'ghost1' is not found.",
        assertThrows(
                UserNotFoundException.class,
                () -> changePassword.change("ghost1", NEW_PASSWORD, Optional.empty()))
            .getMessage());
  }

  @Test
  void nobody_logged_in_is_not_authenticated() {
    bed.existing("user1", USER);
    assertThrows(
        NotAuthenticatedException.class,
        () -> changePassword.change("user1", NEW_PASSWORD, current(passwordOf("user1"))));
    assertTrue(bed.passwordVerifies("user1", passwordOf("user1")));
  }
}
