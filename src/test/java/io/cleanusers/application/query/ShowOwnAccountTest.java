package io.cleanusers.application.query;

import static io.cleanusers.domain.user.UserRole.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.fakes.TestBed;
import io.cleanusers.domain.user.User;
import org.junit.jupiter.api.Test;

/**
 * Own account (GET /api/v1/account/me): a logged-in caller reads their own record, as storage holds
 * it now.
 */
class ShowOwnAccountTest {

  private final TestBed bed = new TestBed();
  private final ShowOwnAccount showOwnAccount = new ShowOwnAccount(bed.identity, bed.reader);

  private static UserListItem rowOf(User user, String role, boolean active) {
    return new UserListItem(
        user.id().value(), user.username().value(), role, active, TestBed.START, TestBed.START);
  }

  @Test
  void the_caller_gets_their_own_row_not_someone_elses() {
    User other = bed.existing("someone1", USER);
    User me = bed.existing("myself1", USER);
    bed.reader.add(rowOf(other, "user", true));
    bed.reader.add(rowOf(me, "admin", true));
    bed.callAs(me);
    assertEquals(rowOf(me, "admin", true), showOwnAccount.show());
  }

  @Test
  void nobody_logged_in_is_not_authenticated() {
    assertThrows(NotAuthenticatedException.class, showOwnAccount::show);
  }

  @Test
  void a_caller_whose_row_is_gone_is_not_authenticated() {
    bed.callAs(bed.existing("gone1", USER));
    assertThrows(NotAuthenticatedException.class, showOwnAccount::show);
  }
}
