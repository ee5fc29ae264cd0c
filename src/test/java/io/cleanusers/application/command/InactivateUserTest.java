package io.cleanusers.application.command;

import static io.cleanusers.domain.user.UserRole.ADMIN;
import static io.cleanusers.domain.user.UserRole.SUPER_ADMIN;
import static io.cleanusers.domain.user.UserRole.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.exception.NotAuthorizedException;
import io.cleanusers.application.common.exception.UserNotFoundException;
import io.cleanusers.application.fakes.RecordingAuditTrail.Entry;
import io.cleanusers.application.fakes.TestBed;
import io.cleanusers.domain.user.DomainValidationException;
import io.cleanusers.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Inactivate user (PATCH /api/v1/users/inactivate): caller is admin or super admin → username rules
 * → 404 → target below the caller → inactive, with every session of the target revoked. Idempotent.
 */
class InactivateUserTest {

  private final TestBed bed = new TestBed();
  private final InactivateUser inactivateUser =
      new InactivateUser(bed.identity, bed.targets, bed.changes, bed.revoker, bed.clock);

  @Test
  void admin_inactivates_a_plain_user_and_every_session_of_theirs_ends() {
    bed.callAs(bed.existing("admin1", ADMIN));
    User target = bed.existing("user1", USER);
    String first = bed.revoker.openSession(target.id());
    String second = bed.revoker.openSession(target.id());
    Instant now = bed.later();

    inactivateUser.inactivate("user1");

    assertFalse(bed.stored("user1").isActive());
    assertEquals(now, bed.stored("user1").updatedAt());
    assertEquals(Set.of(), bed.revoker.sessionsOf(target.id()));
    assertEquals(Set.of(first, second), Set.copyOf(bed.revoker.revoked()));
  }

  @Test
  void inactivating_leaves_the_callers_session_alone() {
    User admin = bed.existing("admin1", ADMIN);
    bed.callAs(admin);
    bed.existing("user1", USER);
    inactivateUser.inactivate("user1");
    assertEquals(1, bed.revoker.sessionsOf(admin.id()).size());
  }

  @Test
  void super_admin_inactivates_an_admin() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("admin1", ADMIN);
    inactivateUser.inactivate("admin1");
    assertFalse(bed.stored("admin1").isActive());
  }

  @Test
  void super_admin_inactivates_a_plain_user() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("user1", USER);
    inactivateUser.inactivate("user1");
    assertFalse(bed.stored("user1").isActive());
  }

  @Test
  void the_target_is_found_regardless_of_letter_case() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("Alice", USER);
    inactivateUser.inactivate("aLICE");
    assertFalse(bed.stored("alice").isActive());
  }

  @Test
  void inactivation_leaves_an_audit_line() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("user1", USER);
    inactivateUser.inactivate("user1");
    assertEquals(
        List.of(new Entry("user_inactivated", "changed", bed.actorOf("admin1"), "user1")),
        bed.audit.entries());
  }

  @Test
  void inactivating_an_inactive_user_writes_nothing_and_leaves_updated_at_alone() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existingInactive("user1", USER);
    bed.later();

    inactivateUser.inactivate("user1");

    assertTrue(bed.repository.updates().isEmpty());
    assertEquals(TestBed.START, bed.stored("user1").updatedAt());
    assertFalse(bed.stored("user1").isActive());
  }

  @Test
  void inactivating_an_inactive_user_revokes_nothing_and_is_audited_as_unchanged() {
    bed.callAs(bed.existing("admin1", ADMIN));
    User target = bed.existingInactive("user1", USER);
    String lingering = bed.revoker.openSession(target.id());

    inactivateUser.inactivate("user1");

    assertEquals(List.of(), bed.revoker.revoked());
    assertEquals(Set.of(lingering), bed.revoker.sessionsOf(target.id()));
    assertEquals(
        List.of(new Entry("user_inactivated", "unchanged", bed.actorOf("admin1"), "user1")),
        bed.audit.entries());
  }

  @Test
  void admin_cannot_inactivate_another_admin() {
    bed.callAs(bed.existing("admin1", ADMIN));
    User other = bed.existing("admin2", ADMIN);
    String session = bed.revoker.openSession(other.id());

    NotAuthorizedException refused =
        assertThrows(NotAuthorizedException.class, () -> inactivateUser.inactivate("admin2"));

    assertEquals("Not authorized.", refused.getMessage());
    assertTrue(bed.stored("admin2").isActive());
    assertEquals(Set.of(session), bed.revoker.sessionsOf(other.id()));
  }

  @Test
  void admin_cannot_inactivate_themselves() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertThrows(NotAuthorizedException.class, () -> inactivateUser.inactivate("admin1"));
    assertTrue(bed.stored("admin1").isActive());
  }

  @Test
  void admin_cannot_inactivate_a_super_admin() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("root1", SUPER_ADMIN);
    assertThrows(NotAuthorizedException.class, () -> inactivateUser.inactivate("root1"));
    assertTrue(bed.stored("root1").isActive());
  }

  @Test
  void super_admin_cannot_inactivate_a_super_admin() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("root2", SUPER_ADMIN);
    assertThrows(NotAuthorizedException.class, () -> inactivateUser.inactivate("root2"));
    assertTrue(bed.stored("root2").isActive());
  }

  @Test
  void plain_user_cannot_inactivate_anyone() {
    bed.callAs(bed.existing("user1", USER));
    bed.existing("user2", USER);
    assertThrows(NotAuthorizedException.class, () -> inactivateUser.inactivate("user2"));
    assertTrue(bed.stored("user2").isActive());
  }

  @Test
  void plain_user_with_an_invalid_username_gets_403_not_400() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(NotAuthorizedException.class, () -> inactivateUser.inactivate("_x!"));
  }

  @Test
  void plain_user_naming_an_unknown_user_gets_403_not_404() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(NotAuthorizedException.class, () -> inactivateUser.inactivate("ghost1"));
    assertTrue(bed.repository.lookups().isEmpty());
  }

  @Test
  void admin_naming_an_invalid_username_gets_its_rule() {
    bed.callAs(bed.existing("admin1", ADMIN));
    DomainValidationException refused =
        assertThrows(DomainValidationException.class, () -> inactivateUser.inactivate("al..ice"));
    assertEquals(
        "Username cannot contain consecutive special characters like .., --, or __.",
        refused.getMessage());
  }

  @Test
  void an_unknown_user_is_not_found() {
    bed.callAs(bed.existing("admin1", ADMIN));
    UserNotFoundException refused =
        assertThrows(UserNotFoundException.class, () -> inactivateUser.inactivate("ghost1"));
    assertEquals("User with username 'ghost1' is not found.", refused.getMessage());
  }

  @Test
  void nobody_logged_in_is_not_authenticated() {
    bed.existing("user1", USER);
    assertThrows(NotAuthenticatedException.class, () -> inactivateUser.inactivate("user1"));
    assertTrue(bed.stored("user1").isActive());
  }
}
