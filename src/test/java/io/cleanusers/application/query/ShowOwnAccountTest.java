package io.cleanusers.application.query;

import static io.cleanusers.domain.user.UserRole.ADMIN;
import static io.cleanusers.domain.user.UserRole.SUPER_ADMIN;
import static io.cleanusers.domain.user.UserRole.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.fakes.TestBed;
import io.cleanusers.domain.user.User;
import org.junit.jupiter.api.Test;

/**
 * Own account (GET /api/v1/account/me): a logged-in caller reads their own record, as the session
 * lookup of this request found their row.
 */
class ShowOwnAccountTest {

  private final TestBed bed = new TestBed();
  private final ShowOwnAccount showOwnAccount = new ShowOwnAccount(bed.identity);

  @Test
  void the_caller_gets_their_own_row_not_someone_elses() {
    bed.existing("someone1", USER);
    User me = bed.existing("myself1", ADMIN);
    me.changeRole(SUPER_ADMIN, bed.later());
    bed.callAs(me);
    assertEquals(
        new UserListItem(
            me.id().value(), "myself1", "super_admin", true, TestBed.START, me.updatedAt()),
        showOwnAccount.show());
  }

  @Test
  void nobody_logged_in_is_not_authenticated() {
    assertThrows(NotAuthenticatedException.class, showOwnAccount::show);
  }
}
