package io.cleanusers.application.account;

import static io.cleanusers.application.account.AuthBed.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.account.AuthenticationFailures.AlreadyAuthenticated;
import io.cleanusers.application.account.SessionCredentials.CookieChange;
import io.cleanusers.application.common.exception.UsernameTakenException;
import io.cleanusers.application.fakes.RecordingAuditTrail.Entry;
import io.cleanusers.domain.user.DomainValidationException;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sign up (docs/contract/routes.md, "Sign up"): not logged in → name and password rules → name free
 * in any case → created.
 */
class SignUpTest {

  private final AuthBed bed = new AuthBed();
  private final SignUp signUp = bed.signUp();

  @Test
  void signing_up_creates_an_active_plain_user_with_the_password_given() {
    UserId id = signUp.signUp("NewUser", "secret1");

    User created = bed.repository.stored("newuser").orElseThrow();
    assertEquals(id, created.id());
    assertEquals("NewUser", created.username().value());
    assertEquals(UserRole.USER, created.role());
    assertTrue(created.isActive());
    assertEquals(NOW, created.createdAt());
    assertTrue(bed.hasher.verify(RawPassword.offered("secret1"), created.passwordHash()));
  }

  @Test
  void signing_up_does_not_log_in() {
    UserId id = signUp.signUp("NewUser", "secret1");
    assertTrue(bed.sessions.sessionsOf(id).isEmpty());
    assertEquals(CookieChange.NONE, bed.credentials.change());
  }

  @Test
  void a_sign_up_is_audited_and_counted() {
    UserId id = signUp.signUp("NewUser", "secret1");
    assertEquals(
        List.of(new Entry("signup", "success", id + " NewUser", "NewUser")), bed.audit.entries());
    assertEquals(1, bed.metrics.signUps());
  }

  @Test
  void a_name_taken_in_another_letter_case_is_refused_and_nothing_is_recorded() {
    bed.existing("alice", UserRole.USER, true);

    UsernameTakenException refused =
        assertThrows(UsernameTakenException.class, () -> signUp.signUp("ALICE", "secret1"));

    assertEquals("User with username 'ALICE' already exists.", refused.getMessage());
    assertEquals(1, bed.repository.all().size());
    assertTrue(bed.audit.entries().isEmpty());
    assertEquals(0, bed.metrics.signUps());
  }

  @Test
  void a_password_breaking_the_rules_creates_nobody() {
    DomainValidationException refused =
        assertThrows(DomainValidationException.class, () -> signUp.signUp("NewUser", "12345"));
    assertEquals("Password must be at least 6 characters long.", refused.getMessage());
    assertTrue(bed.repository.all().isEmpty());
  }

  @Test
  void a_caller_who_is_logged_in_cannot_sign_up() {
    bed.comingWithSessionOf(bed.existing("alice", UserRole.USER, true));

    assertThrows(AlreadyAuthenticated.class, () -> signUp.signUp("NewUser", "secret1"));

    assertTrue(bed.repository.stored("newuser").isEmpty());
  }
}
