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
 * Revoke admin (PATCH /api/v1/users/revoke): caller is super admin → username rules → 404 → a super
 * admin target is refused by name → role becomes user. Idempotent.
 */
class RevokeAdminTest {

  private final TestBed bed = new TestBed();
  private final RevokeAdmin revokeAdmin =
      new RevokeAdmin(bed.identity, bed.targets, bed.changes, bed.clock);

  @Test
  void super_admin_makes_an_admin_a_plain_user() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("admin1", ADMIN);
    Instant now = bed.later();

    revokeAdmin.revoke("admin1");

    assertEquals(USER, bed.stored("admin1").role());
    assertEquals(now, bed.stored("admin1").updatedAt());
  }

  @Test
  void revoking_leaves_an_audit_line() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("admin1", ADMIN);
    revokeAdmin.revoke("admin1");
    assertEquals(
        List.of(new Entry("admin_revoked", "changed", bed.actorOf("root1"), "admin1")),
        bed.audit.entries());
  }

  @Test
  void revoking_from_a_plain_user_writes_nothing_and_leaves_updated_at_alone() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("user1", USER);
    bed.later();

    revokeAdmin.revoke("user1");

    assertTrue(bed.repository.updates().isEmpty());
    assertEquals(TestBed.START, bed.stored("user1").updatedAt());
    assertEquals(USER, bed.stored("user1").role());
  }

  @Test
  void admin_cannot_revoke_another_admin() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.existing("admin2", ADMIN);
    assertEquals(
        "Not authorized.",
        assertThrows(NotAuthorizedException.class, () -> revokeAdmin.revoke("admin2"))
            .getMessage());
    assertEquals(ADMIN, bed.stored("admin2").role());
  }

  @Test
  void admin_cannot_revoke_their_own_admin_role() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertThrows(NotAuthorizedException.class, () -> revokeAdmin.revoke("admin1"));
    assertEquals(ADMIN, bed.stored("admin1").role());
  }

  @Test
  void admin_revoking_with_an_invalid_username_gets_403_before_the_username_rules() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertThrows(NotAuthorizedException.class, () -> revokeAdmin.revoke("a!"));
  }

  @Test
  void plain_user_cannot_revoke_admin() {
    bed.callAs(bed.existing("user1", USER));
    bed.existing("admin1", ADMIN);
    assertThrows(NotAuthorizedException.class, () -> revokeAdmin.revoke("admin1"));
    assertEquals(ADMIN, bed.stored("admin1").role());
  }

  @Test
  void a_super_admins_role_cannot_be_revoked() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    bed.existing("root2", SUPER_ADMIN);
    assertEquals(
        "Changing role of user 'root2' (super_admin) is not permitted.",
        assertThrows(NotAuthorizedException.class, () -> revokeAdmin.revoke("root2")).getMessage());
    assertEquals(SUPER_ADMIN, bed.stored("root2").role());
  }

  @Test
  void a_super_admin_cannot_revoke_their_own_role() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    assertEquals(
        "Changing role of user 'root1' (super_admin) is not permitted.",
        assertThrows(NotAuthorizedException.class, () -> revokeAdmin.revoke("root1")).getMessage());
  }

  @Test
  void super_admin_naming_an_invalid_username_gets_its_rule() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    assertEquals(
        "Username must be between 5 and 20 characters.",
        assertThrows(DomainValidationException.class, () -> revokeAdmin.revoke("adm"))
            .getMessage());
  }

  @Test
  void an_unknown_user_is_not_found() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    assertEquals(
        "User with username 'ghost1' is not found.",
        assertThrows(UserNotFoundException.class, () -> revokeAdmin.revoke("ghost1")).getMessage());
  }

  @Test
  void nobody_logged_in_is_not_authenticated() {
    bed.existing("admin1", ADMIN);
    assertThrows(NotAuthenticatedException.class, () -> revokeAdmin.revoke("admin1"));
  }
}
