package io.cleanusers.application.account;

import static io.cleanusers.application.account.AuthBed.NOW;
import static io.cleanusers.application.account.AuthBed.TTL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Revocation: an inactivated user loses every session; a user changing their own password keeps the
 * session they did it from and loses the others.
 */
class SessionAccessRevokerTest {

  private final AuthBed bed = new AuthBed();
  private final SessionAccessRevoker revoker = new SessionAccessRevoker(bed.sessions, bed.current);

  private String otherSessionOf(User user) {
    return bed.sessions.create(user.id(), NOW, NOW.plus(TTL)).id();
  }

  @Test
  void revoking_all_ends_every_session_of_the_user_and_no_one_elses() {
    User alice = bed.existing("alice", UserRole.USER, true);
    User bob = bed.existing("bob12", UserRole.USER, true);
    otherSessionOf(alice);
    otherSessionOf(alice);
    String bobs = otherSessionOf(bob);

    bed.unitOfWork.run(() -> revoker.revokeAll(alice.id()));

    assertEquals(List.of(), bed.sessions.sessionsOf(alice.id()));
    assertEquals(List.of(bobs), bed.sessions.sessionsOf(bob.id()));
  }

  @Test
  void revoking_all_but_the_current_keeps_the_session_of_this_request() {
    User alice = bed.existing("alice", UserRole.USER, true);
    otherSessionOf(alice);
    String current = bed.comingWithSessionOf(alice);
    otherSessionOf(alice);

    bed.unitOfWork.run(() -> revoker.revokeAllButCurrent(alice.id()));

    assertEquals(List.of(current), bed.sessions.sessionsOf(alice.id()));
  }

  @Test
  void without_a_current_session_revoking_all_but_the_current_ends_them_all() {
    User alice = bed.existing("alice", UserRole.USER, true);
    otherSessionOf(alice);
    otherSessionOf(alice);

    bed.unitOfWork.run(() -> revoker.revokeAllButCurrent(alice.id()));

    assertEquals(List.of(), bed.sessions.sessionsOf(alice.id()));
  }
}
