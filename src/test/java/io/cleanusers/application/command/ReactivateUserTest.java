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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reactivate user (PATCH /api/v1/users/reactivate): caller is admin or super admin → username rules
 * → 404 → target below the caller → active again. Idempotent.
 */
class ReactivateUserTest {

  private final TestBed bed = new TestBed();
  private final ReactivateUser reactivateUser =
      new ReactivateUser(bed.identity, bed.targets, bed.changes, bed.clock);

  @Test
  void admin_reactivates_an_inactive_plain_user() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existingInactive("user1", USER);
    Instant now = bed.later();

    reactivateUser.reactivate("user1");

    assertTrue(bed.stored("user1").isActive());
    assertEquals(now, bed.stored("user1").updatedAt());
    assertEquals(1, bed.repository.updates().size());
  }

  @Test
  void super_admin_reactivates_an_inactive_admin() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existingInactive("admin1", ADMIN);
    reactivateUser.reactivate("admin1");
    assertTrue(bed.stored("admin1").isActive());
  }

  @Test
  void reactivation_leaves_an_audit_line() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existingInactive("user1", USER);
    reactivateUser.reactivate("user1");
    assertEquals(
        List.of(new Entry("user_reactivated", "changed", bed.actorOf("admin1"), "user1")),
        bed.audit.entries());
  }

  @Test
  void reactivating_an_active_user_writes_nothing_and_leaves_updated_at_alone() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("user1", USER);
    bed.later();

    reactivateUser.reactivate("user1");

    assertTrue(bed.repository.updates().isEmpty());
    assertEquals(TestBed.START, bed.stored("user1").updatedAt());
  }

  @Test
  void reactivation_ends_no_session() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existingInactive("user1", USER);
    reactivateUser.reactivate("user1");
    assertTrue(bed.revoker.revoked().isEmpty());
  }

  @Test
  void admin_cannot_reactivate_another_admin() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existingInactive("admin2", ADMIN);
    assertEquals(
        "Not authorized.",
        assertThrows(NotAuthorizedException.class, () -> reactivateUser.reactivate("admin2"))
            .getMessage());
    assertFalse(bed.stored("admin2").isActive());
  }

  @Test
  void admin_cannot_reactivate_a_super_admin() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existingInactive("root1", SUPER_ADMIN);
    assertThrows(NotAuthorizedException.class, () -> reactivateUser.reactivate("root1"));
    assertFalse(bed.stored("root1").isActive());
  }

  @Test
  void super_admin_cannot_reactivate_a_super_admin() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existingInactive("root2", SUPER_ADMIN);
    assertThrows(NotAuthorizedException.class, () -> reactivateUser.reactivate("root2"));
    assertFalse(bed.stored("root2").isActive());
  }

  @Test
  void plain_user_cannot_reactivate_anyone() {
    bed.callAs(bed.existing("user1", USER));
    bed.existingInactive("user2", USER);
    assertThrows(NotAuthorizedException.class, () -> reactivateUser.reactivate("user2"));
    assertFalse(bed.stored("user2").isActive());
  }

  @Test
  void plain_user_with_an_invalid_username_gets_403_not_400() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(NotAuthorizedException.class, () -> reactivateUser.reactivate("a"));
  }

  @Test
  void plain_user_naming_an_unknown_user_gets_403_not_404() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(NotAuthorizedException.class, () -> reactivateUser.reactivate("ghost1"));
  }

  @Test
  void admin_naming_an_invalid_username_gets_its_rule() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertEquals(
        "Username must end with a letter (A-Z, a-z) or a digit (0-9).",
        assertThrows(DomainValidationException.class, () -> reactivateUser.reactivate("alice_"))
            .getMessage());
  }

  @Test
  void an_unknown_user_is_not_found() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertEquals(
        "User with username 'ghost1' is not found.",
        assertThrows(UserNotFoundException.class, () -> reactivateUser.reactivate("ghost1"))
            .getMessage());
  }

  @Test
  void nobody_logged_in_is_not_authenticated() {
    bed.existingInactive("user1", USER);
    assertThrows(NotAuthenticatedException.class, () -> reactivateUser.reactivate("user1"));
  }
}
