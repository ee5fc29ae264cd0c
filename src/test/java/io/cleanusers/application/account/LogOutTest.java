package io.cleanusers.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleanusers.application.account.SessionCredentials.CookieChange;
import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.fakes.RecordingAuditTrail.Entry;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Log out (docs/contract/sessions.md, "Logging out"): only the current session ends, and the cookie
 * is cleared.
 */
class LogOutTest {

  private final AuthBed bed = new AuthBed();
  private final LogOut logOut = bed.logOut();

  @Test
  void logging_out_ends_the_current_session_only_and_clears_the_cookie() {
    User alice = bed.existing("alice", UserRole.USER, true);
    String otherDevice =
        bed.sessions.create(alice.id(), AuthBed.NOW, AuthBed.NOW.plus(AuthBed.TTL)).id();
    bed.comingWithSessionOf(alice);

    logOut.logOut();

    assertEquals(List.of(otherDevice), bed.sessions.sessionsOf(alice.id()));
    assertEquals(CookieChange.CLEAR, bed.credentials.change());
  }

  @Test
  void a_logout_is_audited() {
    User alice = bed.existing("alice", UserRole.USER, true);
    bed.comingWithSessionOf(alice);

    logOut.logOut();

    assertEquals(
        List.of(new Entry("logout", "success", alice.id() + " alice", "alice")),
        bed.audit.entries());
  }

  @Test
  void nobody_logged_in_cannot_log_out() {
    NotAuthenticatedException refused =
        assertThrows(NotAuthenticatedException.class, logOut::logOut);
    assertEquals(CookieChange.NONE, bed.credentials.change());
    assertEquals(List.of(), bed.audit.entries());
    assertEquals("Not authenticated.", refused.getMessage());
  }
}
