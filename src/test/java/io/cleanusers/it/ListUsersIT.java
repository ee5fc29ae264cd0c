package io.cleanusers.it;

import static io.cleanusers.it.support.Bodies.json;
import static io.cleanusers.it.support.ContractTexts.INVALID_SORTING_FIELD;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHENTICATED;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHORIZED;
import static io.cleanusers.it.support.ErrorAnswers.assertError;
import static io.cleanusers.it.support.ErrorAnswers.assertValidationIncludes;
import static io.cleanusers.it.support.Formats.CANONICAL_UUID;
import static io.cleanusers.it.support.Formats.ISO_UTC;
import static io.cleanusers.it.support.Formats.USER_KEYS;
import static io.cleanusers.it.support.Formats.UUID_V7;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Routes.INACTIVATE;
import static io.cleanusers.it.support.Routes.USERS;
import static io.cleanusers.it.support.Rows.countUsers;
import static io.cleanusers.it.support.Rows.createdAt;
import static io.cleanusers.it.support.Rows.updatedAt;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN;
import static io.cleanusers.it.support.UserLists.assertBetween;
import static io.cleanusers.it.support.UserLists.assertPageSorted;
import static io.cleanusers.it.support.UserLists.assertSortedByUsernameInDatabaseOrder;
import static io.cleanusers.it.support.UserLists.byId;
import static io.cleanusers.it.support.UserLists.idsOf;
import static io.cleanusers.it.support.UserLists.list;
import static io.cleanusers.it.support.UserLists.listAll;
import static io.cleanusers.it.support.UserLists.reversed;
import static io.cleanusers.it.support.UserLists.users;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.UserAdminApiTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The user list (GET /api/v1/users/): who may read it, paging, sorting and the item shape. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ListUsersIT extends UserAdminApiTest {

  // ----------------------------------------- list users (GET /api/v1/users)

  @Test
  void plain_user_cannot_list_users() {
    assertError(as(newUser()).get(USERS), 403, NOT_AUTHORIZED);
  }

  @Test
  void plain_user_gets_403_before_an_invalid_sorting_field_400() {
    assertError(as(newUser()).get(USERS + "?sorting_field=password_hash"), 403, NOT_AUTHORIZED);
  }

  @Test
  void list_without_session_is_a_401() {
    assertError(api.get(USERS), 401, NOT_AUTHENTICATED);
  }

  @Test
  void malformed_query_is_a_422_before_the_missing_session_401() {
    assertValidationIncludes(api.get(USERS + "?limit=abc"), "query", "limit");
  }

  @Test
  void admin_lists_users_with_defaults_limit_20_offset_0_by_username_ascending() {
    ApiClient admin = as(newAdmin());
    long before = countUsers();
    ApiResponse response = admin.get(USERS);
    long after = countUsers();
    assertEquals(200, response.status(), response.toString());
    JsonObject page = response.json();
    assertEquals(Set.of("users", "total", "limit", "offset"), page.keySet());
    assertEquals(20, page.getInt("limit"));
    assertEquals(0, page.getInt("offset"));
    long total = page.getJsonNumber("total").longValue();
    assertBetween(before, total, after);
    List<JsonObject> users = users(page);
    assertEquals(Math.min(20, total), users.size());
    assertSortedByUsernameInDatabaseOrder(users, false);
  }

  @Test
  void super_admin_lists_users() {
    ApiResponse response = root.get(USERS);
    assertEquals(200, response.status(), response.toString());
    assertFalse(users(response.json()).isEmpty());
  }

  @Test
  void list_answers_without_the_trailing_slash_too() {
    ApiResponse response = root.get("/api/v1/users?limit=1");
    assertEquals(200, response.status(), response.toString());
    assertEquals(1, users(response.json()).size());
  }

  @Test
  void default_order_is_username_ascending_not_creation_order() {
    String stem = uniqueName("o").substring(0, 12);
    // Created in an order that differs from the name order.
    Account c = createNamed(stem + "c", "user");
    Account a = createNamed(stem + "a", "user");
    Account b = createNamed(stem + "b", "user");
    List<String> listed = mineInOrder(listAll(root, ""), List.of(a, b, c));
    assertEquals(ids(a, b, c), listed);
  }

  @Test
  void empty_sorting_field_and_order_mean_the_defaults() {
    String stem = uniqueName("e").substring(0, 12);
    Account b = createNamed(stem + "b", "user");
    Account a = createNamed(stem + "a", "user");
    ApiResponse response = root.get(USERS + "?sorting_field=&sorting_order=");
    assertEquals(200, response.status(), response.toString());
    assertEquals(20, response.json().getInt("limit"));
    assertEquals(0, response.json().getInt("offset"));
    assertSortedByUsernameInDatabaseOrder(users(response.json()), false);
    assertEquals(
        ids(a, b), mineInOrder(listAll(root, "&sorting_field=&sorting_order="), List.of(a, b)));
  }

  @Test
  void pagination_walks_the_whole_list_and_total_counts_every_user() {
    String stem = uniqueName("p").substring(0, 12);
    List<Account> mine = new ArrayList<>();
    for (String suffix : List.of("e", "b", "d", "a", "c")) {
      mine.add(createNamed(stem + suffix, "user"));
    }
    mine.sort(Comparator.comparing(Account::username));
    // Another build may share this database: a walk during which the table changed is redone.
    for (int attempt = 0; attempt < 3; attempt++) {
      long before = countUsers();
      List<JsonObject> full = listAll(root, "&sorting_field=username");
      int pageSize = 7;
      List<JsonObject> walked = new ArrayList<>();
      List<Long> totals = new ArrayList<>();
      for (int offset = 0; ; offset += pageSize) {
        JsonObject page = list(root, "?limit=" + pageSize + "&offset=" + offset);
        assertEquals(pageSize, page.getInt("limit"));
        assertEquals(offset, page.getInt("offset"));
        totals.add(page.getJsonNumber("total").longValue());
        List<JsonObject> users = users(page);
        assertTrue(users.size() <= pageSize);
        walked.addAll(users);
        if (users.size() < pageSize) {
          break;
        }
      }
      int first = idsOf(full).indexOf(mine.get(0).id());
      JsonObject slice = list(root, "?limit=2&offset=" + (first + 2));
      if (countUsers() != before) {
        continue;
      }
      assertTrue(totals.stream().allMatch(t -> t == before), before + " vs " + totals);
      assertEquals(before, full.size());
      assertEquals(idsOf(full), idsOf(walked));
      assertEquals(
          ids(mine.get(0), mine.get(1), mine.get(2), mine.get(3), mine.get(4)),
          idsOf(full.subList(first, first + 5)));
      assertEquals(List.of(mine.get(2).id(), mine.get(3).id()), idsOf(users(slice)));
      assertEquals(2, slice.getInt("limit"));
      assertEquals(first + 2, slice.getInt("offset"));
      return;
    }
    fail("the users table kept changing during three attempts");
  }

  @Test
  void offset_past_the_end_gives_an_empty_page_with_the_total() {
    long before = countUsers();
    JsonObject page = list(root, "?offset=" + (before + 1000));
    long after = countUsers();
    assertTrue(users(page).isEmpty());
    assertBetween(before, page.getJsonNumber("total").longValue(), after);
    assertEquals(before + 1000, page.getJsonNumber("offset").longValue());
  }

  @Test
  void limit_bounds_1_and_1000_are_accepted() {
    JsonObject one = list(root, "?limit=1");
    assertEquals(1, one.getInt("limit"));
    assertEquals(1, users(one).size());
    JsonObject thousand = list(root, "?limit=1000");
    assertEquals(1000, thousand.getInt("limit"));
    assertEquals(
        Math.min(1000, thousand.getJsonNumber("total").longValue()), users(thousand).size());
  }

  @Test
  void sorting_by_id_both_ways() {
    List<Account> mine = List.of(newUser(), newAdmin(), newUser(), newUser());
    List<String> ascending = mine.stream().map(Account::id).sorted().toList();
    assertEquals(
        ascending, mineInOrder(listAll(root, "&sorting_field=id&sorting_order=ASC"), mine));
    assertEquals(
        reversed(ascending),
        mineInOrder(listAll(root, "&sorting_field=id&sorting_order=DESC"), mine));
    assertPageSorted(root, "id", false);
    assertPageSorted(root, "id", true);
  }

  @Test
  void sorting_by_username_both_ways() {
    String stem = uniqueName("u").substring(0, 12);
    List<Account> mine = new ArrayList<>();
    for (String suffix : List.of("d", "b", "e", "a", "c")) {
      mine.add(createNamed(stem + suffix, "user"));
    }
    List<String> ascending =
        mine.stream().sorted(Comparator.comparing(Account::username)).map(Account::id).toList();
    assertEquals(
        ascending, mineInOrder(listAll(root, "&sorting_field=username&sorting_order=ASC"), mine));
    assertEquals(
        reversed(ascending),
        mineInOrder(listAll(root, "&sorting_field=username&sorting_order=DESC"), mine));
    JsonObject descending = list(root, "?sorting_field=username&sorting_order=DESC");
    assertSortedByUsernameInDatabaseOrder(users(descending), true);
  }

  @Test
  void sorting_by_role_both_ways_with_ties_broken_by_id() {
    Account user1 = newUser();
    Account admin1 = newAdmin();
    Account superAdmin = newSuperAdmin();
    Account user2 = newUser();
    Account admin2 = newAdmin();
    Account user3 = newUser();
    List<Account> mine = List.of(user1, admin1, superAdmin, user2, admin2, user3);
    List<String> ascending = new ArrayList<>();
    ascending.addAll(sortedIds(admin1, admin2));
    ascending.add(superAdmin.id());
    ascending.addAll(sortedIds(user1, user2, user3));
    assertEquals(
        ascending, mineInOrder(listAll(root, "&sorting_field=role&sorting_order=ASC"), mine));
    assertEquals(
        reversed(ascending),
        mineInOrder(listAll(root, "&sorting_field=role&sorting_order=DESC"), mine));
    assertPageSorted(root, "role", false);
    assertPageSorted(root, "role", true);
  }

  @Test
  void sorting_by_is_active_both_ways_with_ties_broken_by_id() {
    List<Account> mine = List.of(newUser(), newUser(), newUser(), newUser(), newUser());
    assertEquals(204, root.patch(INACTIVATE, json("username", mine.get(1).username())).status());
    assertEquals(204, root.patch(INACTIVATE, json("username", mine.get(3).username())).status());
    List<String> ascending = new ArrayList<>();
    ascending.addAll(sortedIds(mine.get(1), mine.get(3)));
    ascending.addAll(sortedIds(mine.get(0), mine.get(2), mine.get(4)));
    assertEquals(
        ascending, mineInOrder(listAll(root, "&sorting_field=is_active&sorting_order=asc"), mine));
    assertEquals(
        reversed(ascending),
        mineInOrder(listAll(root, "&sorting_field=is_active&sorting_order=desc"), mine));
    assertPageSorted(root, "is_active", false);
    assertPageSorted(root, "is_active", true);
  }

  @Test
  void sorting_by_created_at_both_ways_with_ties_broken_by_id() {
    assertTimestampSorting("created_at");
  }

  @Test
  void sorting_by_updated_at_both_ways_with_ties_broken_by_id() {
    assertTimestampSorting("updated_at");
  }

  @Test
  void sorting_order_is_accepted_in_any_letter_case() {
    String stem = uniqueName("s").substring(0, 12);
    Account b = createNamed(stem + "b", "user");
    Account a = createNamed(stem + "a", "user");
    for (String order : List.of("desc", "Desc", "DESC", "dEsC")) {
      assertEquals(
          ids(b, a),
          mineInOrder(
              listAll(root, "&sorting_field=username&sorting_order=" + order), List.of(a, b)),
          order);
    }
    for (String order : List.of("asc", "Asc", "ASC")) {
      assertEquals(
          ids(a, b),
          mineInOrder(
              listAll(root, "&sorting_field=username&sorting_order=" + order), List.of(a, b)),
          order);
    }
  }

  @Test
  void invalid_sorting_field_is_a_400() {
    assertError(root.get(USERS + "?sorting_field=password_hash"), 400, INVALID_SORTING_FIELD);
    assertError(root.get(USERS + "?sorting_field=nope"), 400, INVALID_SORTING_FIELD);
    assertError(
        root.get(USERS + "?sorting_field=username%3Bdrop%20table%20users"),
        400,
        INVALID_SORTING_FIELD);
  }

  @Test
  void limit_0_is_a_422() {
    assertValidationIncludes(root.get(USERS + "?limit=0"), "query", "limit");
  }

  @Test
  void limit_1001_is_a_422() {
    assertValidationIncludes(root.get(USERS + "?limit=1001"), "query", "limit");
  }

  @Test
  void limit_that_is_not_an_integer_is_a_422() {
    assertValidationIncludes(root.get(USERS + "?limit=abc"), "query", "limit");
    assertValidationIncludes(root.get(USERS + "?limit=1.5"), "query", "limit");
  }

  @Test
  void negative_offset_is_a_422() {
    assertValidationIncludes(root.get(USERS + "?offset=-1"), "query", "offset");
  }

  @Test
  void offset_that_is_not_an_integer_is_a_422() {
    assertValidationIncludes(root.get(USERS + "?offset=x"), "query", "offset");
  }

  @Test
  void unknown_sorting_order_is_a_422() {
    assertValidationIncludes(root.get(USERS + "?sorting_order=up"), "query", "sorting_order");
  }

  @Test
  void all_query_problems_are_reported_at_once() {
    ApiResponse response = root.get(USERS + "?limit=0&offset=-1&sorting_order=up");
    assertValidationIncludes(response, "query", "limit");
    assertValidationIncludes(response, "query", "offset");
    assertValidationIncludes(response, "query", "sorting_order");
  }

  @Test
  void list_includes_inactive_users_and_super_admins() {
    Account inactive = newUser();
    assertEquals(204, root.patch(INACTIVATE, json("username", inactive.username())).status());
    Account superAdmin = newSuperAdmin();
    List<JsonObject> all = listAll(root, "");
    JsonObject listedInactive = byId(all, inactive.id());
    assertFalse(listedInactive.getBoolean("is_active"));
    assertEquals("user", listedInactive.getString("role"));
    JsonObject listedSuper = byId(all, superAdmin.id());
    assertEquals("super_admin", listedSuper.getString("role"));
    assertTrue(
        all.stream()
            .anyMatch(
                u ->
                    u.getString("username").equals(SUPER_ADMIN)
                        && u.getString("role").equals("super_admin")),
        "the bootstrap super admin is listed");
  }

  @Test
  void list_items_have_exactly_the_public_fields_with_iso_utc_timestamps() {
    Account user = newUser();
    ApiResponse response = root.get(USERS + "?limit=1000");
    assertEquals(200, response.status());
    assertFalse(response.body().contains("password_hash"), "no hash in the list");
    List<JsonObject> all = listAll(root, "");
    for (JsonObject item : all) {
      assertEquals(USER_KEYS, item.keySet(), item.toString());
      assertTrue(CANONICAL_UUID.matcher(item.getString("id")).matches(), item.toString());
      assertTrue(ISO_UTC.matcher(item.getString("created_at")).matches(), item.toString());
      assertTrue(ISO_UTC.matcher(item.getString("updated_at")).matches(), item.toString());
      assertEquals(JsonValue.ValueType.STRING, item.get("role").getValueType());
      assertTrue(
          Set.of(JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE)
              .contains(item.get("is_active").getValueType()),
          item.toString());
    }
    JsonObject mine = byId(all, user.id());
    assertEquals(user.username(), mine.getString("username"));
    assertEquals("user", mine.getString("role"));
    assertTrue(mine.getBoolean("is_active"));
    assertTrue(UUID_V7.matcher(mine.getString("id")).matches(), mine.toString());
    assertEquals(
        createdAt(user.id()), OffsetDateTime.parse(mine.getString("created_at")).toInstant());
    assertEquals(
        updatedAt(user.id()), OffsetDateTime.parse(mine.getString("updated_at")).toInstant());
  }
}
