package io.cleanusers.application.command;

import static io.cleanusers.domain.user.UserRole.ADMIN;
import static io.cleanusers.domain.user.UserRole.SUPER_ADMIN;
import static io.cleanusers.domain.user.UserRole.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Grant admin (PATCH /api/v1/users/grant): caller is super admin → username rules → 404 → a super
 * admin target is refused by name → role becomes admin. Idempotent.
 */
class GrantAdminTest {

  private final TestBed bed = new TestBed();
  private final GrantAdmin grantAdmin =
      new GrantAdmin(bed.identity, bed.targets, bed.changes, bed.clock);

  @Test
  void super_admin_makes_a_plain_user_an_admin() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("user1", USER);
    Instant now = bed.later();

    grantAdmin.grant("user1");

    assertEquals(ADMIN, bed.stored("user1").role());
    assertEquals(now, bed.stored("user1").updatedAt());
  }

  @Test
  void granting_leaves_an_audit_line() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("user1", USER);
    grantAdmin.grant("user1");
    assertEquals(
        List.of(new Entry("admin_granted", "changed", bed.actorOf("root1"), "user1")),
        bed.audit.entries());
  }

  @Test
  void an_inactive_user_can_be_made_an_admin_and_stays_inactive() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existingInactive("user1", USER);
    grantAdmin.grant("user1");
    assertEquals(ADMIN, bed.stored("user1").role());
    assertEquals(false, bed.stored("user1").isActive());
  }

  @Test
  void granting_to_an_admin_writes_nothing_and_leaves_updated_at_alone() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("admin1", ADMIN);
    bed.later();

    grantAdmin.grant("admin1");

    assertTrue(bed.repository.updates().isEmpty());
    assertEquals(TestBed.START, bed.stored("admin1").updatedAt());
  }

  @Test
  void the_target_is_found_regardless_of_letter_case() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("Alice", USER);
    grantAdmin.grant("ALICE");
    assertEquals(ADMIN, bed.stored("alice").role());
  }

  @Test
  void admin_cannot_grant_admin() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("user1", USER);
    assertEquals(
        "Not authorized.",
        assertThrows(NotAuthorizedException.class, () -> grantAdmin.grant("user1")).getMessage());
    assertEquals(USER, bed.stored("user1").role());
  }

  @Test
  void admin_granting_with_an_invalid_username_gets_403_before_the_username_rules() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertThrows(NotAuthorizedException.class, () -> grantAdmin.grant("_x"));
  }

  @Test
  void admin_granting_to_an_unknown_user_gets_403_not_404() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertThrows(NotAuthorizedException.class, () -> grantAdmin.grant("ghost1"));
  }

  @Test
  void plain_user_cannot_grant_admin() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(NotAuthorizedException.class, () -> grantAdmin.grant("user1"));
    assertEquals(USER, bed.stored("user1").role());
  }

  @Test
  void a_super_admins_role_cannot_be_changed() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("root2", SUPER_ADMIN);
    NotAuthorizedException refused =
        assertThrows(NotAuthorizedException.class, () -> grantAdmin.grant("root2"));
    assertEquals(
        "Changing role of user 'root2' (super_admin) is not permitted.", refused.getMessage());
    assertEquals(SUPER_ADMIN, bed.stored("root2").role());
  }

  @Test
  void a_super_admin_cannot_demote_themselves_by_granting_admin() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    assertEquals(
        "Changing role of user 'root1' (super_admin) is not permitted.",
        assertThrows(NotAuthorizedException.class, () -> grantAdmin.grant("root1")).getMessage());
    assertEquals(SUPER_ADMIN, bed.stored("root1").role());
  }

  @Test
  void super_admin_naming_an_invalid_username_gets_its_rule() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    assertEquals(
        "Username must start with a letter (A-Z, a-z) or a digit (0-9).",
        assertThrows(DomainValidationException.class, () -> grantAdmin.grant("_alice"))
            .getMessage());
  }

  @Test
  void an_unknown_user_is_not_found() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    assertEquals(
        "User with username 'ghost1' is not found.",
        assertThrows(UserNotFoundException.class, () -> grantAdmin.grant("ghost1")).getMessage());
  }

  @Test
  void nobody_logged_in_is_not_authenticated() {
    bed.existing("user1", USER);
    assertThrows(NotAuthenticatedException.class, () -> grantAdmin.grant("user1"));
  }
}
