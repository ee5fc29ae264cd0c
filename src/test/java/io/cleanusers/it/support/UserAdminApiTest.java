package io.cleanusers.it.support;

import static io.cleanusers.it.support.Bodies.json;
import static io.cleanusers.it.support.ErrorAnswers.assertError;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.UserLists.assertPageSorted;
import static io.cleanusers.it.support.UserLists.byId;
import static io.cleanusers.it.support.UserLists.listAll;
import static io.cleanusers.it.support.UserLists.reversed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the user-administration tests: a fresh session of the bootstrap super admin per test
 * ({@link #root}), and users of each role made through the API. The bootstrap super admin is only
 * ever a caller; what could harm a super admin is tried on throwaway ones made in the database.
 */
public abstract class UserAdminApiTest extends ApiTest {

  /** A user the tests made, with the password it was given. */
  protected record Account(String id, String username, String password, String role) {}

  /** The bootstrap super admin, logged in afresh for each test. */
  protected ApiClient root;

  @BeforeEach
  void rootSession() {
    root = superAdmin();
  }

  protected Account newUser() {
    return create(root, "user");
  }

  protected Account newAdmin() {
    return create(root, "admin");
  }

  /** A throwaway super admin: created as an admin, then promoted in the database. */
  protected Account newSuperAdmin() {
    Account admin = create(root, "admin");
    Rows.promoteToSuperAdmin(admin.id());
    return new Account(admin.id(), admin.username(), admin.password(), "super_admin");
  }

  protected Account create(ApiClient caller, String role) {
    return createAs(caller, uniqueName(role.substring(0, 1) + "x"), role);
  }

  protected Account createNamed(String username, String role) {
    return createAs(root, username, role);
  }

  protected Account createAs(ApiClient caller, String username, String role) {
    String password = Secrets.password();
    ApiResponse response =
        caller.post(Routes.USERS, json("username", username, "password", password, "role", role));
    assertEquals(201, response.status(), "creating " + username + ": " + response);
    return new Account(response.json().getString("id"), username, password, role);
  }

  /** A client holding a fresh session of that account. */
  protected ApiClient as(Account account) {
    return api.withToken(loggedIn(account.username(), account.password()));
  }

  protected void assertCreateRejected(String username, String message) {
    assertError(
        root.post(Routes.USERS, json("username", username, "password", "secret-1")), 400, message);
    Rows.assertNoUser(username);
  }

  /** The ids of the given accounts in the order the list shows them. */
  protected static List<String> mineInOrder(List<JsonObject> listed, List<Account> mine) {
    Set<String> ids = mine.stream().map(Account::id).collect(Collectors.toSet());
    List<String> found = listed.stream().map(u -> u.getString("id")).filter(ids::contains).toList();
    assertEquals(ids.size(), found.size(), "each of my users listed exactly once");
    return found;
  }

  protected static List<String> ids(Account... accounts) {
    return Arrays.stream(accounts).map(Account::id).toList();
  }

  /** Ids in ascending order; UUIDs order like their lowercase text (PostgreSQL byte order). */
  protected static List<String> sortedIds(Account... accounts) {
    return Arrays.stream(accounts).map(Account::id).sorted().toList();
  }

  /** Users with set timestamps: two share one (a tie), so the id decides between them. */
  protected void assertTimestampSorting(String field) {
    List<Account> mine = List.of(newUser(), newUser(), newUser(), newUser(), newUser());
    Instant start = Instant.parse("2001-02-03T04:05:06.123456Z");
    List<Instant> stamps =
        List.of(
            start.plusSeconds(30),
            start,
            start.plusSeconds(30),
            start.plusSeconds(10),
            start.plusSeconds(20));
    for (int i = 0; i < mine.size(); i++) {
      TestDatabase.update(
          "update users set " + field + " = ? where id = ?",
          OffsetDateTime.ofInstant(stamps.get(i), ZoneOffset.UTC),
          UUID.fromString(mine.get(i).id()));
    }
    List<String> ascending = new ArrayList<>();
    ascending.add(mine.get(1).id());
    ascending.add(mine.get(3).id());
    ascending.add(mine.get(4).id());
    ascending.addAll(sortedIds(mine.get(0), mine.get(2)));
    List<JsonObject> listedAscending =
        listAll(root, "&sorting_field=" + field + "&sorting_order=ASC");
    assertEquals(ascending, mineInOrder(listedAscending, mine));
    assertEquals(
        reversed(ascending),
        mineInOrder(listAll(root, "&sorting_field=" + field + "&sorting_order=DESC"), mine));
    for (int i = 0; i < mine.size(); i++) {
      assertEquals(
          stamps.get(i),
          OffsetDateTime.parse(byId(listedAscending, mine.get(i).id()).getString(field))
              .toInstant(),
          field);
    }
    assertPageSorted(root, field, false);
    assertPageSorted(root, field, true);
  }
}
