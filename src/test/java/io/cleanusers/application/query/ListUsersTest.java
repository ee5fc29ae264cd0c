package io.cleanusers.application.query;

import static io.cleanusers.domain.user.UserRole.ADMIN;
import static io.cleanusers.domain.user.UserRole.SUPER_ADMIN;
import static io.cleanusers.domain.user.UserRole.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.common.exception.InvalidSortingFieldException;
import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.exception.NotAuthorizedException;
import io.cleanusers.application.fakes.FakeUserReader.Request;
import io.cleanusers.application.fakes.TestBed;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * List users (docs/contract/routes.md, "List users"): admins and super admins list users; sorting
 * by a known field, username by default.
 */
class ListUsersTest {

  private static final Pagination FIRST_PAGE = new Pagination(20, 0);

  private final TestBed bed = new TestBed();
  private final ListUsers listUsers = new ListUsers(bed.identity, bed.reader);

  private Request lastRequest() {
    return bed.reader.lastRequest().orElseThrow();
  }

  @Test
  void admin_gets_a_page_sorted_by_username_ascending_by_default() {
    bed.callAs(bed.existing("admin1", ADMIN));
    listUsers.list(FIRST_PAGE, null, false);
    assertEquals(new Request(FIRST_PAGE, new Sorting(SortingField.USERNAME, false)), lastRequest());
  }

  @Test
  void the_default_field_can_be_sorted_descending() {
    bed.callAs(bed.existing("admin1", ADMIN));
    listUsers.list(FIRST_PAGE, null, true);
    assertEquals(new Sorting(SortingField.USERNAME, true), lastRequest().sorting());
  }

  @Test
  void super_admin_lists_users() {
    bed.callAs(bed.existing("root1", SUPER_ADMIN));
    listUsers.list(FIRST_PAGE, "role", false);
    assertEquals(new Sorting(SortingField.ROLE, false), lastRequest().sorting());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "id,         ID",
    "username,   USERNAME",
    "role,       ROLE",
    "is_active,  IS_ACTIVE",
    "created_at, CREATED_AT",
    "updated_at, UPDATED_AT",
  })
  void every_listed_sorting_field_is_accepted(String name, SortingField field) {
    bed.callAs(bed.existing("admin1", ADMIN));
    listUsers.list(FIRST_PAGE, name, true);
    assertEquals(new Sorting(field, true), lastRequest().sorting());
    assertEquals(name, field.fieldName(), "the name the reader sorts by");
  }

  @ParameterizedTest
  @ValueSource(strings = {"password_hash", "name", "isActive", "createdAt", "1", "username;"})
  void an_unknown_sorting_field_is_invalid(String name) {
    bed.callAs(bed.existing("admin1", ADMIN));
    InvalidSortingFieldException refused =
        assertThrows(
            InvalidSortingFieldException.class, () -> listUsers.list(FIRST_PAGE, name, false));
    assertEquals("Invalid sorting field.", refused.getMessage());
    assertTrue(bed.reader.requests().isEmpty());
  }

  @Test
  void the_pagination_reaches_the_reader_unchanged() {
    bed.callAs(bed.existing("admin1", ADMIN));
    Pagination page = new Pagination(1000, 40);
    listUsers.list(page, null, false);
    assertEquals(page, lastRequest().pagination());
  }

  @Test
  void the_page_and_total_come_from_the_reader() {
    bed.callAs(bed.existing("admin1", ADMIN));
    Instant at = TestBed.START;
    for (int i = 0; i < 3; i++) {
      bed.reader.add(new UserListItem(UUID.randomUUID(), "user" + i, "user", true, at, at));
    }
    UserPage page = listUsers.list(new Pagination(2, 0), null, false);
    assertEquals(2, page.users().size());
    assertEquals(3, page.total());
  }

  @Test
  void plain_user_cannot_list_users() {
    bed.callAs(bed.existing("user1", USER));
    NotAuthorizedException refused =
        assertThrows(NotAuthorizedException.class, () -> listUsers.list(FIRST_PAGE, null, false));
    assertEquals("Not authorized.", refused.getMessage());
    assertTrue(bed.reader.requests().isEmpty());
  }

  @Test
  void plain_user_with_an_unknown_sorting_field_gets_403_not_400() {
    bed.callAs(bed.existing("user1", USER));
    assertThrows(
        NotAuthorizedException.class, () -> listUsers.list(FIRST_PAGE, "password_hash", false));
  }

  @Test
  void nobody_logged_in_is_not_authenticated() {
    assertThrows(NotAuthenticatedException.class, () -> listUsers.list(FIRST_PAGE, null, false));
  }
}
