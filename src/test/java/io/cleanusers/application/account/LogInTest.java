package io.cleanusers.application.account;

import static io.cleanusers.application.account.AuthBed.LOCKOUT;
import static io.cleanusers.application.account.AuthBed.MAX_FAILURES;
import static io.cleanusers.application.account.AuthBed.NOW;
import static io.cleanusers.application.account.AuthBed.TTL;
import static io.cleanusers.application.account.AuthBed.passwordOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.account.AuthenticationFailures.AlreadyAuthenticated;
import io.cleanusers.application.account.AuthenticationFailures.InactiveAccount;
import io.cleanusers.application.account.AuthenticationFailures.InvalidCredentials;
import io.cleanusers.application.account.AuthenticationFailures.LoginLocked;
import io.cleanusers.application.account.SessionCredentials.CookieChange;
import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.common.port.ServiceMetrics.LoginOutcome;
import io.cleanusers.application.fakes.RecordingAuditTrail.Entry;
import io.cleanusers.domain.user.DomainValidationException;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserRole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Log-in: not logged in → name and password rules → locked? (before any hashing) → unknown name and
 * wrong password alike, each costing one hash check → inactive → a new session and its cookie,
 * failures forgotten. Here a name locks after 3 failures, for 2 s.
 */
class LogInTest {

  private final AuthBed bed = new AuthBed();
  private final LogIn logIn = bed.logIn();

  private static String actor(User user) {
    return user.id() + " " + user.username().value();
  }

  private void failTimes(String username, int times) {
    for (int i = 0; i < times; i++) {
      assertThrows(InvalidCredentials.class, () -> logIn.logIn(username, "wrong-password"));
    }
  }

  @Test
  void the_right_password_opens_a_session_of_the_user_for_a_full_ttl_and_sets_its_cookie() {
    User alice = bed.existing("alice", UserRole.USER, true);

    logIn.logIn("alice", passwordOf("alice"));

    List<String> sessions = bed.sessions.sessionsOf(alice.id());
    assertEquals(1, sessions.size());
    AuthSession session = bed.sessions.row(sessions.get(0)).orElseThrow();
    assertEquals(NOW.plus(TTL), session.expiration());
    assertEquals(CookieChange.SET, bed.credentials.change());
    assertEquals(
        Optional.of(session.id()),
        bed.tokens.sessionIdOf(bed.credentials.outgoing(), NOW.plus(TTL).minusSeconds(1)));
  }

  @Test
  void a_successful_login_is_audited_and_counted() {
    User alice = bed.existing("Alice", UserRole.USER, true);

    logIn.logIn("aLICE", passwordOf("Alice"));

    assertEquals(
        List.of(new Entry("login", "success", actor(alice), "aLICE")), bed.audit.entries());
    assertEquals(List.of(LoginOutcome.SUCCESS), bed.metrics.logins());
  }

  @Test
  void a_wrong_password_is_refused_without_a_session_and_counts_as_a_failure() {
    User alice = bed.existing("alice", UserRole.USER, true);

    InvalidCredentials refused =
        assertThrows(InvalidCredentials.class, () -> logIn.logIn("alice", "wrong-password"));

    assertEquals("Invalid username or password.", refused.getMessage());
    assertTrue(bed.sessions.sessionsOf(alice.id()).isEmpty());
    assertEquals(CookieChange.NONE, bed.credentials.change());
    assertEquals(1, bed.attempts.failuresOf("alice"));
    assertEquals(List.of(new Entry("login", "bad_credentials", "-", "alice")), bed.audit.entries());
    assertEquals(List.of(LoginOutcome.BAD_CREDENTIALS), bed.metrics.logins());
  }

  @Test
  void an_unknown_name_gets_the_same_answer_as_a_wrong_password() {
    InvalidCredentials refused =
        assertThrows(InvalidCredentials.class, () -> logIn.logIn("ghost1", "any-password"));

    assertEquals("Invalid username or password.", refused.getMessage());
    assertEquals(1, bed.attempts.failuresOf("ghost1"));
    assertEquals(
        List.of(new Entry("login", "bad_credentials", "-", "ghost1")), bed.audit.entries());
    assertEquals(List.of(LoginOutcome.BAD_CREDENTIALS), bed.metrics.logins());
  }

  @Test
  void an_unknown_name_and_a_wrong_password_each_cost_exactly_one_hash_check() {
    bed.existing("alice", UserRole.USER, true);
    bed.hasher.forgetVerifications();

    assertThrows(InvalidCredentials.class, () -> logIn.logIn("ghost1", "any-password"));
    assertEquals(1, bed.hasher.verifications(), "unknown name");

    bed.hasher.forgetVerifications();
    assertThrows(InvalidCredentials.class, () -> logIn.logIn("alice", "wrong-password"));
    assertEquals(1, bed.hasher.verifications(), "wrong password");
  }

  @Test
  void the_right_password_of_an_inactive_account_is_told_so_and_opens_no_session() {
    User bob = bed.existing("bob12", UserRole.USER, false);

    InactiveAccount refused =
        assertThrows(InactiveAccount.class, () -> logIn.logIn("bob12", passwordOf("bob12")));

    assertEquals("Your account is inactive. Please contact support.", refused.getMessage());
    assertTrue(bed.sessions.sessionsOf(bob.id()).isEmpty());
    assertEquals(CookieChange.NONE, bed.credentials.change());
    assertEquals(List.of(new Entry("login", "inactive", actor(bob), "bob12")), bed.audit.entries());
    assertEquals(List.of(LoginOutcome.INACTIVE), bed.metrics.logins());
  }

  @Test
  void a_wrong_password_of_an_inactive_account_does_not_reveal_that_it_is_inactive() {
    bed.existing("bob12", UserRole.USER, false);
    assertThrows(InvalidCredentials.class, () -> logIn.logIn("bob12", "wrong-password"));
  }

  @Test
  void the_failure_that_reaches_the_limit_starts_a_lockout_and_is_audited_as_such() {
    bed.existing("alice", UserRole.USER, true);

    failTimes("alice", MAX_FAILURES);

    List<Entry> entries = bed.audit.entries();
    assertEquals(
        new Entry("login", "lockout_started", "-", "alice"), entries.get(entries.size() - 1));
    assertEquals(MAX_FAILURES + 1, entries.size(), "one lockout line after the failures");
  }

  @Test
  void a_locked_name_is_refused_even_with_the_right_password_and_before_any_hashing() {
    User alice = bed.existing("alice", UserRole.USER, true);
    failTimes("alice", MAX_FAILURES);
    bed.hasher.forgetVerifications();
    int auditLines = bed.audit.entries().size();

    LoginLocked refused =
        assertThrows(LoginLocked.class, () -> logIn.logIn("ALICE", passwordOf("alice")));

    assertEquals("Too many failed login attempts. Try again later.", refused.getMessage());
    assertEquals(LOCKOUT.toSeconds(), refused.retryAfterSeconds());
    assertEquals(0, bed.hasher.verifications());
    assertTrue(bed.sessions.sessionsOf(alice.id()).isEmpty());
    assertEquals(new Entry("login", "locked", "-", "ALICE"), bed.audit.entries().get(auditLines));
    assertEquals(LoginOutcome.LOCKED, bed.metrics.logins().get(bed.metrics.logins().size() - 1));
  }

  @Test
  void the_retry_delay_is_the_time_left_rounded_up_to_a_whole_second() {
    bed.existing("alice", UserRole.USER, true);
    failTimes("alice", MAX_FAILURES);

    bed.clock.advance(Duration.ofMillis(500)); // 1.5 s left
    assertEquals(
        2,
        assertThrows(LoginLocked.class, () -> logIn.logIn("alice", passwordOf("alice")))
            .retryAfterSeconds());

    bed.clock.advance(Duration.ofMillis(1499)); // 1 ms left
    assertEquals(
        1,
        assertThrows(LoginLocked.class, () -> logIn.logIn("alice", passwordOf("alice")))
            .retryAfterSeconds());
  }

  @Test
  void once_the_lockout_is_over_the_right_password_works_again() {
    User alice = bed.existing("alice", UserRole.USER, true);
    failTimes("alice", MAX_FAILURES);
    bed.clock.advance(LOCKOUT);

    logIn.logIn("alice", passwordOf("alice"));

    assertEquals(1, bed.sessions.sessionsOf(alice.id()).size());
  }

  @Test
  void a_successful_login_forgets_the_failures_before_it() {
    bed.existing("alice", UserRole.USER, true);
    failTimes("alice", MAX_FAILURES - 1);

    logIn.logIn("alice", passwordOf("alice"));

    assertEquals(0, bed.attempts.failuresOf("alice"));
  }

  @Test
  void a_caller_who_is_already_logged_in_is_refused_and_keeps_their_one_session() {
    User alice = bed.existing("alice", UserRole.USER, true);
    String current = bed.comingWithSessionOf(alice);

    AlreadyAuthenticated refused =
        assertThrows(AlreadyAuthenticated.class, () -> logIn.logIn("alice", passwordOf("alice")));

    assertEquals("You are already authenticated. Consider logging out.", refused.getMessage());
    assertEquals(List.of(current), bed.sessions.sessionsOf(alice.id()));
    assertEquals(CookieChange.NONE, bed.credentials.change());
  }

  @Test
  void a_password_breaking_the_rules_is_refused_before_it_counts_as_a_failure() {
    bed.existing("alice", UserRole.USER, true);

    assertThrows(DomainValidationException.class, () -> logIn.logIn("alice", "short"));

    assertEquals(0, bed.attempts.failuresOf("alice"));
    assertEquals(0, bed.hasher.verifications());
  }
}
