package io.cleanusers.application.command;

import static io.cleanusers.domain.user.UserRole.ADMIN;
import static io.cleanusers.domain.user.UserRole.SUPER_ADMIN;
import static io.cleanusers.domain.user.UserRole.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.common.UserRegistration;
import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.exception.NotAuthorizedException;
import io.cleanusers.application.common.exception.UsernameTakenException;
import io.cleanusers.application.fakes.RecordingAuditTrail.Entry;
import io.cleanusers.application.fakes.TestBed;
import io.cleanusers.domain.user.DomainValidationException;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Create user (docs/contract/routes.md, "Create user"; accounts.md, "Role hierarchy"): role check →
 * username/password rules → duplicate → created.
 */
class CreateUserTest {

  private final TestBed bed = new TestBed();
  private final CreateUser createUser = new CreateUser(bed.identity, bed.registration, bed.audit);

  private int storedUsers() {
    return bed.repository.all().size();
  }

  @Test
  void admin_creates_an_active_plain_user() {
    bed.callAs(bed.existing("admin1", ADMIN));
    bed.later();

    UserId id = createUser.create("NewUser", "secret1", USER);

    User created = bed.stored("newuser");
    assertEquals(id, created.id());
    assertEquals("NewUser", created.username().value());
    assertEquals(USER, created.role());
    assertTrue(created.isActive());
    assertEquals(bed.clock.instant(), created.createdAt());
    assertEquals(bed.clock.instant(), created.updatedAt());
    assertTrue(bed.passwordVerifies("newuser", "secret1"));
  }

  @Test
  void creating_a_user_leaves_an_audit_line_with_actor_and_target_but_no_password() {
    bed.callAs(bed.existing("admin1", ADMIN));
    createUser.create("newuser", "secret1", USER);
    assertEquals(
        List.of(new Entry("user_created", "user", bed.actorOf("admin1"), "newuser")),
        bed.audit.entries());
  }

  @Test
  void super_admin_creates_an_admin() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    createUser.create("admin2", "secret1", ADMIN);
    assertEquals(ADMIN, bed.stored("admin2").role());
  }

  @Test
  void super_admin_creates_a_plain_user() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    createUser.create("user2", "secret1", USER);
    assertEquals(USER, bed.stored("user2").role());
  }

  @Test
  void admin_cannot_create_an_admin() {
    bed.callAs(bed.existing("admin1", ADMIN));
    NotAuthorizedException refused =
        assertThrows(
            NotAuthorizedException.class, () -> createUser.create("admin2", "secret1", ADMIN));
    assertEquals("Not authorized.", refused.getMessage());
    assertEquals(1, storedUsers());
  }

  @ParameterizedTest
  @EnumSource(UserRole.class)
  void nobody_can_create_a_super_admin(UserRole callerRole) {
    bed.callAs(bed.existing("caller1", callerRole));
    assertThrows(
        NotAuthorizedException.class, () -> createUser.create("root2", "secret1", SUPER_ADMIN));
    assertEquals(1, storedUsers());
  }

  @Test
  void plain_user_cannot_create_users() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(NotAuthorizedException.class, () -> createUser.create("user2", "secret1", USER));
    assertEquals(1, storedUsers());
  }

  @Test
  void plain_user_with_an_invalid_username_is_refused_as_unauthorized_not_invalid() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(NotAuthorizedException.class, () -> createUser.create("_bad!", "x", USER));
  }

  @Test
  void admin_asking_for_an_admin_with_an_invalid_username_is_refused_as_unauthorized() {
    bed.callAs(bed.existing("admin1", ADMIN));
    assertThrows(NotAuthorizedException.class, () -> createUser.create("_bad!", "x", ADMIN));
  }

  @Test
  void nobody_logged_in_is_not_authenticated() {
    assertThrows(
        NotAuthenticatedException.class, () -> createUser.create("newuser", "secret1", USER));
    assertEquals(0, storedUsers());
  }

  @Test
  void an_invalid_username_is_refused_with_its_rule() {
    bed.callAs(bed.existing("admin1", ADMIN));
    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class, () -> createUser.create("abc", "secret1", USER));
    assertEquals("Username must be between 5 and 20 characters.", refused.getMessage());
    assertEquals(1, storedUsers());
  }

  @Test
  void the_username_rules_come_before_the_password_rules() {
    bed.callAs(bed.existing("admin1", ADMIN));
    DomainValidationException refused =
        assertThrows(DomainValidationException.class, () -> createUser.create("abc", "x", USER));
    assertEquals("Username must be between 5 and 20 characters.", refused.getMessage());
  }

  @Test
  void a_short_password_is_refused_with_the_configured_minimum() {
    bed.callAs(bed.existing("admin1", ADMIN));
    CreateUser strict =
        new CreateUser(
            bed.identity,
            new UserRegistration(new PasswordPolicy(9), bed.users, bed.repository, bed.clock),
            bed.audit);
    DomainValidationException refused =
        assertThrows(
            DomainValidationException.class, () -> strict.create("newuser", "12345678", USER));
    assertEquals("Password must be at least 9 characters long.", refused.getMessage());
    assertEquals(1, storedUsers());
  }

  @Test
  void the_password_rules_come_before_the_duplicate_check() {
    bed.existing("taken1", USER);
    bed.callAs(bed.existing("admin1", ADMIN));
    assertThrows(DomainValidationException.class, () -> createUser.create("taken1", "x", USER));
  }

  @Test
  void a_taken_username_is_refused() {
    bed.existing("taken1", USER);
    bed.callAs(bed.existing("admin1", ADMIN));
    UsernameTakenException refused =
        assertThrows(
            UsernameTakenException.class, () -> createUser.create("taken1", "secret1", USER));
    assertEquals("User with username 'taken1' already exists.", refused.getMessage());
  }

  @Test
  void a_name_taken_in_another_letter_case_is_refused() {
    bed.existing("alice", USER);
    bed.callAs(bed.existing("admin1", ADMIN));
    assertThrows(UsernameTakenException.class, () -> createUser.create("ALICE", "secret1", USER));
    assertEquals("alice", bed.stored("alice").username().value());
    assertEquals(2, storedUsers());
  }

  @Test
  void a_refused_creation_leaves_no_audit_line_of_success() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(NotAuthorizedException.class, () -> createUser.create("user2", "secret1", USER));
    assertTrue(bed.audit.entries().isEmpty());
  }
}
