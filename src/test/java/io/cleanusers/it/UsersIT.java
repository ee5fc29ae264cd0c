package io.cleanusers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * R6-R12 (SPEC §3, §4, §6, §7) over HTTP against the built WAR and real PostgreSQL: user
 * administration and the user list, one test per route and outcome.
 *
 * <p>Every test makes its own users with fresh random names, so tests depend neither on each other
 * nor on what else the shared database holds. The bootstrap super admin (from the failsafe
 * settings) is only ever used as a caller; anything that could harm a super admin is tried on
 * throwaway super admins made by a database update.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsersIT {

  private static final String USERS = "/api/v1/users/";
  private static final String INACTIVATE = "/api/v1/users/inactivate";
  private static final String REACTIVATE = "/api/v1/users/reactivate";
  private static final String GRANT = "/api/v1/users/grant";
  private static final String REVOKE = "/api/v1/users/revoke";
  private static final String CHANGE_PASSWORD = "/api/v1/users/change-password";
  private static final String LOGIN = "/api/v1/account/login";

  private static final String ROOT_NAME = System.getProperty("it.superadmin.username");
  private static final String ROOT_PASSWORD = System.getProperty("it.superadmin.password");

  private static final String NOT_AUTHENTICATED = "Not authenticated.";
  private static final String NOT_AUTHORIZED = "Not authorized.";
  private static final String BAD_LENGTH = "Username must be between 5 and 20 characters.";
  private static final String BAD_START =
      "Username must start with a letter (A-Z, a-z) or a digit (0-9).";
  private static final String BAD_CHARACTERS =
      "Username can only contain letters (A-Z, a-z),"
          + " digits (0-9), dots (.), hyphens (-), and underscores (_).";
  private static final String BAD_CONSECUTIVE =
      "Username cannot contain consecutive special characters like .., --, or __.";
  private static final String BAD_END =
      "Username must end with a letter (A-Z, a-z) or a digit (0-9).";
  private static final String PASSWORD_TOO_SHORT = "Password must be at least 6 characters long.";
  private static final String PASSWORD_TOO_LONG = "Password must be at most 1024 characters long.";
  private static final String INVALID_CREDENTIALS = "Invalid username or password.";

  private static final Set<String> USER_KEYS =
      Set.of("id", "username", "role", "is_active", "created_at", "updated_at");
  private static final Pattern UUID_V7 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern ISO_UTC =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|\\+00:00)");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL deployed;

  /** No session. */
  ApiClient api;

  /** The bootstrap super admin, logged in afresh for each test. */
  ApiClient root;

  @BeforeEach
  void clients() {
    assertTrue(
        ROOT_NAME != null && ROOT_PASSWORD != null,
        "it.superadmin.username / it.superadmin.password must be set (failsafe)");
    api = new ApiClient(Deployments.loopback(deployed));
    root = api.withToken(login(ROOT_NAME, ROOT_PASSWORD));
  }

  // ---------------------------------------------------------------- R6 create

  @Test
  void admin_creates_an_active_plain_user() {
    ApiClient admin = as(newAdmin());
    String name = uniqueName("crt");
    ApiResponse response =
        admin.post(USERS, json("username", name, "password", "secret-1", "role", "user"));
    assertEquals(201, response.status(), response.toString());
    String id = response.json().getString("id");
    assertTrue(UUID_V7.matcher(id).matches(), "lowercase UUIDv7: " + id);
    assertEquals(
        name,
        TestDatabase.value("select username from users where id = ?", UUID.fromString(id))
            .orElseThrow());
    assertEquals("user", role(id));
    assertTrue(active(id));
    assertEquals(createdAt(id), updatedAt(id));
  }

  @Test
  void created_user_can_log_in_with_the_given_password() {
    Account user = create(as(newAdmin()), "user");
    ApiResponse response = loginResponse(user.username(), user.password());
    assertEquals(204, response.status(), response.toString());
    assertFalse(response.token().isEmpty());
  }

  @Test
  void created_username_keeps_the_case_it_was_given() {
    String name = "MiX." + uniqueName("Cs").substring(2);
    ApiResponse response = root.post(USERS, json("username", name, "password", "secret-1"));
    assertEquals(201, response.status(), response.toString());
    String id = response.json().getString("id");
    assertEquals(
        name,
        TestDatabase.value("select username from users where id = ?", UUID.fromString(id))
            .orElseThrow());
  }

  @Test
  void super_admin_creates_an_admin() {
    String name = uniqueName("cad");
    ApiResponse response =
        root.post(USERS, json("username", name, "password", "secret-1", "role", "admin"));
    assertEquals(201, response.status(), response.toString());
    String id = response.json().getString("id");
    assertEquals("admin", role(id));
    assertTrue(active(id));
  }

  @Test
  void super_admin_creates_a_plain_user() {
    Account user = create(root, "user");
    assertEquals("user", role(user.id()));
  }

  @Test
  void role_defaults_to_user_when_absent() {
    ApiClient admin = as(newAdmin());
    String name = uniqueName("def");
    ApiResponse response = admin.post(USERS, json("username", name, "password", "secret-1"));
    assertEquals(201, response.status(), response.toString());
    assertEquals("user", role(response.json().getString("id")));
  }

  @Test
  void admin_cannot_create_an_admin() {
    ApiClient admin = as(newAdmin());
    String name = uniqueName("caa");
    assertError(
        admin.post(USERS, json("username", name, "password", "secret-1", "role", "admin")),
        403,
        NOT_AUTHORIZED);
    assertNoUser(name);
  }

  @Test
  void admin_cannot_create_a_super_admin() {
    ApiClient admin = as(newAdmin());
    String name = uniqueName("cas");
    assertError(
        admin.post(USERS, json("username", name, "password", "secret-1", "role", "super_admin")),
        403,
        NOT_AUTHORIZED);
    assertNoUser(name);
  }

  @Test
  void super_admin_cannot_create_a_super_admin() {
    String name = uniqueName("css");
    assertError(
        root.post(USERS, json("username", name, "password", "secret-1", "role", "super_admin")),
        403,
        NOT_AUTHORIZED);
    assertNoUser(name);
  }

  @Test
  void plain_user_cannot_create_users() {
    ApiClient user = as(newUser());
    String name = uniqueName("cpu");
    assertError(
        user.post(USERS, json("username", name, "password", "secret-1")), 403, NOT_AUTHORIZED);
    assertNoUser(name);
  }

  @Test
  void plain_user_gets_403_before_a_bad_username_400() {
    ApiClient user = as(newUser());
    assertError(user.post(USERS, json("username", "ab", "password", "x")), 403, NOT_AUTHORIZED);
  }

  @Test
  void role_check_comes_before_username_rules_for_admins_too() {
    ApiClient admin = as(newAdmin());
    assertError(
        admin.post(USERS, json("username", "_bad", "password", "secret-1", "role", "admin")),
        403,
        NOT_AUTHORIZED);
  }

  @Test
  void null_role_is_a_422() {
    String name = uniqueName("nrl");
    ApiResponse response =
        root.post(USERS, json("username", name, "password", "secret-1", "role", null));
    assertValidation(response, "body", "role");
    assertNoUser(name);
  }

  @Test
  void unknown_role_is_a_422() {
    String name = uniqueName("url");
    ApiResponse response =
        root.post(USERS, json("username", name, "password", "secret-1", "role", "owner"));
    assertValidation(response, "body", "role");
    assertNoUser(name);
  }

  @Test
  void role_in_another_letter_case_is_an_unknown_role_422() {
    String name = uniqueName("crl");
    assertValidation(
        root.post(USERS, json("username", name, "password", "secret-1", "role", "ADMIN")),
        "body",
        "role");
    assertNoUser(name);
  }

  @Test
  void role_that_is_not_a_string_is_a_422() {
    String name = uniqueName("nsr");
    String body = "{\"username\":\"" + name + "\",\"password\":\"secret-1\",\"role\":1}";
    assertValidation(root.post(USERS, body), "body", "role");
  }

  @Test
  void missing_username_and_password_are_reported_together_as_422() {
    ApiResponse response = root.post(USERS, "{}");
    assertValidation(response, "body", "username");
    assertValidation(response, "body", "password");
  }

  @Test
  void null_username_is_a_422() {
    assertValidation(
        root.post(USERS, json("username", null, "password", "secret-1")), "body", "username");
  }

  @Test
  void malformed_json_is_a_422_on_create() {
    ApiResponse response = root.post(USERS, "{\"username\": ");
    assertEquals(422, response.status(), response.toString());
  }

  @Test
  void body_that_is_not_an_object_is_a_422_on_create() {
    ApiResponse response = root.post(USERS, "[\"x\"]");
    assertEquals(422, response.status(), response.toString());
  }

  @Test
  void duplicate_username_is_a_409() {
    Account existing = newUser();
    assertError(
        root.post(USERS, json("username", existing.username(), "password", "secret-2")),
        409,
        "User with username '" + existing.username() + "' already exists.");
  }

  @Test
  void duplicate_username_differing_only_in_case_is_a_409() {
    Account existing = newUser();
    String shouted = existing.username().toUpperCase(Locale.ROOT);
    ApiResponse response = root.post(USERS, json("username", shouted, "password", "secret-2"));
    assertEquals(409, response.status(), response.toString());
    assertTrue(
        response.description().matches("User with username '.*' already exists\\."),
        response.description());
    assertEquals(
        1,
        TestDatabase.count(
            "select count(*) from users where lower(username) = ?", existing.username()));
  }

  @Test
  void create_with_too_short_username_is_a_400() {
    assertCreateRejected("abcd", BAD_LENGTH);
  }

  @Test
  void create_with_too_long_username_is_a_400() {
    assertCreateRejected("a".repeat(21), BAD_LENGTH);
  }

  @Test
  void username_length_counts_code_points() {
    // 4 code points, 6 UTF-16 units: too short.
    assertCreateRejected("ab\uD83D\uDE00\uD83D\uDE00", BAD_LENGTH);
    // 20 code points, 39 UTF-16 units: the length is fine, the characters are not.
    assertCreateRejected("a" + "\uD83D\uDE00".repeat(19), BAD_CHARACTERS);
  }

  @Test
  void create_with_username_starting_with_a_special_character_is_a_400() {
    assertCreateRejected("_abcde", BAD_START);
  }

  @Test
  void create_with_username_holding_a_forbidden_character_is_a_400() {
    assertCreateRejected("abc de", BAD_CHARACTERS);
    assertCreateRejected("abc$de", BAD_CHARACTERS);
    assertCreateRejected("abc\u00e9de", BAD_CHARACTERS);
  }

  @Test
  void create_with_consecutive_special_characters_is_a_400() {
    assertCreateRejected("ab..cd", BAD_CONSECUTIVE);
    assertCreateRejected("ab-_cd", BAD_CONSECUTIVE);
  }

  @Test
  void create_with_username_ending_with_a_special_character_is_a_400() {
    assertCreateRejected("abcde.", BAD_END);
  }

  @Test
  void username_rules_apply_in_order_first_failure_wins() {
    // Too short and starting with a special character: the length rule speaks first.
    assertCreateRejected("_ab", BAD_LENGTH);
    // Bad start and bad end: the start rule speaks first.
    assertCreateRejected("-abcde-", BAD_START);
  }

  @Test
  void create_with_too_short_password_is_a_400() {
    String name = uniqueName("spw");
    assertError(
        root.post(USERS, json("username", name, "password", "12345")), 400, PASSWORD_TOO_SHORT);
    assertNoUser(name);
  }

  @Test
  void password_length_counts_code_points() {
    // 5 code points in 10 UTF-16 units: too short.
    assertError(
        root.post(USERS, json("username", uniqueName("pcp"), "password", "\uD83D\uDE00".repeat(5))),
        400,
        PASSWORD_TOO_SHORT);
    // 6 code points: long enough.
    assertEquals(
        201,
        root.post(USERS, json("username", uniqueName("pcp"), "password", "\uD83D\uDE00".repeat(6)))
            .status());
  }

  @Test
  void create_with_too_long_password_is_a_400() {
    String name = uniqueName("lpw");
    assertError(
        root.post(USERS, json("username", name, "password", "p".repeat(1025))),
        400,
        PASSWORD_TOO_LONG);
    assertNoUser(name);
    assertEquals(
        201, root.post(USERS, json("username", name, "password", "p".repeat(1024))).status());
  }

  @Test
  void username_rules_come_before_password_rules() {
    assertError(root.post(USERS, json("username", "ab", "password", "x")), 400, BAD_LENGTH);
  }

  @Test
  void create_without_session_is_a_401() {
    String name = uniqueName("nos");
    assertError(
        api.post(USERS, json("username", name, "password", "secret-1")), 401, NOT_AUTHENTICATED);
    assertNoUser(name);
  }

  @Test
  void create_with_a_garbage_session_cookie_is_a_401() {
    assertError(
        api.withToken("not-a-token")
            .post(USERS, json("username", uniqueName("gar"), "password", "secret-1")),
        401,
        NOT_AUTHENTICATED);
  }

  @Test
  void malformed_create_body_is_a_422_before_the_missing_session_401() {
    assertValidation(api.post(USERS, "{}"), "body", "username");
  }

  @Test
  void create_answers_without_the_trailing_slash_too() {
    ApiResponse response =
        root.post("/api/v1/users", json("username", uniqueName("nsl"), "password", "secret-1"));
    assertEquals(201, response.status(), response.toString());
  }

  @Test
  void concurrent_creates_of_one_name_in_several_cases_give_one_201_and_409s() throws Exception {
    String base = uniqueName("par");
    List<String> variants = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      StringBuilder variant = new StringBuilder();
      for (int c = 0; c < base.length(); c++) {
        char ch = base.charAt(c);
        variant.append(((i >> (c % 3)) & 1) == 1 ? Character.toUpperCase(ch) : ch);
      }
      variants.add(variant.toString());
    }
    List<Integer> statuses =
        inParallel(
            variants.size(),
            i -> root.post(USERS, json("username", variants.get(i), "password", "secret-1")));
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(
        variants.size() - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(
        1,
        TestDatabase.count(
            "select count(*) from users where lower(username) = ?", base.toLowerCase(Locale.ROOT)));
  }

  // ---------------------------------------------------------------- R7 list

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
    assertValidation(api.get(USERS + "?limit=abc"), "query", "limit");
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
    assertPageSorted("id", false);
    assertPageSorted("id", true);
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
    assertPageSorted("role", false);
    assertPageSorted("role", true);
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
    assertPageSorted("is_active", false);
    assertPageSorted("is_active", true);
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
    assertError(root.get(USERS + "?sorting_field=password_hash"), 400, "Invalid sorting field.");
    assertError(root.get(USERS + "?sorting_field=nope"), 400, "Invalid sorting field.");
    assertError(
        root.get(USERS + "?sorting_field=username%3Bdrop%20table%20users"),
        400,
        "Invalid sorting field.");
  }

  @Test
  void limit_0_is_a_422() {
    assertValidation(root.get(USERS + "?limit=0"), "query", "limit");
  }

  @Test
  void limit_1001_is_a_422() {
    assertValidation(root.get(USERS + "?limit=1001"), "query", "limit");
  }

  @Test
  void limit_that_is_not_an_integer_is_a_422() {
    assertValidation(root.get(USERS + "?limit=abc"), "query", "limit");
    assertValidation(root.get(USERS + "?limit=1.5"), "query", "limit");
  }

  @Test
  void negative_offset_is_a_422() {
    assertValidation(root.get(USERS + "?offset=-1"), "query", "offset");
  }

  @Test
  void offset_that_is_not_an_integer_is_a_422() {
    assertValidation(root.get(USERS + "?offset=x"), "query", "offset");
  }

  @Test
  void unknown_sorting_order_is_a_422() {
    assertValidation(root.get(USERS + "?sorting_order=up"), "query", "sorting_order");
  }

  @Test
  void all_query_problems_are_reported_at_once() {
    ApiResponse response = root.get(USERS + "?limit=0&offset=-1&sorting_order=up");
    assertValidation(response, "query", "limit");
    assertValidation(response, "query", "offset");
    assertValidation(response, "query", "sorting_order");
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
                    u.getString("username").equals(ROOT_NAME)
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

  // ---------------------------------------------------------------- R8 inactivate

  @Test
  void admin_inactivates_a_user_and_the_users_sessions_end_at_once() {
    Account target = newUser();
    ApiClient targetSession = as(target);
    assertEquals(403, targetSession.get(USERS).status(), "authenticated before");
    assertEquals(1, sessions(target.id()));
    Instant updatedBefore = updatedAt(target.id());
    ApiResponse response = as(newAdmin()).patch(INACTIVATE, json("username", target.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("", response.body());
    assertFalse(active(target.id()));
    assertEquals(0, sessions(target.id()), "sessions deleted with the inactivation");
    assertTrue(updatedAt(target.id()).isAfter(updatedBefore));
    assertError(targetSession.get(USERS), 401, NOT_AUTHENTICATED);
  }

  @Test
  void inactive_user_cannot_log_in() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE, json("username", target.username())).status());
    assertError(
        loginResponse(target.username(), target.password()),
        401,
        "Your account is inactive. Please contact support.");
  }

  @Test
  void super_admin_inactivates_an_admin() {
    Account admin = newAdmin();
    ApiClient adminSession = as(admin);
    assertEquals(200, adminSession.get(USERS).status());
    assertEquals(204, root.patch(INACTIVATE, json("username", admin.username())).status());
    assertFalse(active(admin.id()));
    assertEquals(0, sessions(admin.id()));
    assertError(adminSession.get(USERS), 401, NOT_AUTHENTICATED);
  }

  @Test
  void admin_cannot_inactivate_another_admin() {
    Account other = newAdmin();
    ApiClient otherSession = as(other);
    assertError(
        as(newAdmin()).patch(INACTIVATE, json("username", other.username())), 403, NOT_AUTHORIZED);
    assertTrue(active(other.id()));
    assertEquals(1, sessions(other.id()));
    assertEquals(200, otherSession.get(USERS).status());
  }

  @Test
  void admin_cannot_inactivate_themselves() {
    Account admin = newAdmin();
    assertError(
        as(admin).patch(INACTIVATE, json("username", admin.username())), 403, NOT_AUTHORIZED);
    assertTrue(active(admin.id()));
  }

  @Test
  void admin_cannot_inactivate_a_super_admin() {
    Account superAdmin = newSuperAdmin();
    assertError(
        as(newAdmin()).patch(INACTIVATE, json("username", superAdmin.username())),
        403,
        NOT_AUTHORIZED);
    assertTrue(active(superAdmin.id()));
  }

  @Test
  void super_admin_cannot_inactivate_another_super_admin() {
    Account target = newSuperAdmin();
    assertError(
        as(newSuperAdmin()).patch(INACTIVATE, json("username", target.username())),
        403,
        NOT_AUTHORIZED);
    assertTrue(active(target.id()));
  }

  @Test
  void super_admin_cannot_inactivate_themselves() {
    Account superAdmin = newSuperAdmin();
    ApiClient session = as(superAdmin);
    assertError(
        session.patch(INACTIVATE, json("username", superAdmin.username())), 403, NOT_AUTHORIZED);
    assertTrue(active(superAdmin.id()));
    assertEquals(200, session.get(USERS).status());
  }

  @Test
  void inactivating_an_unknown_user_is_a_404() {
    String name = uniqueName("gho");
    assertError(
        root.patch(INACTIVATE, json("username", name)),
        404,
        "User with username '" + name + "' is not found.");
  }

  @Test
  void inactivating_with_a_bad_username_is_a_400() {
    assertError(root.patch(INACTIVATE, json("username", "ab")), 400, BAD_LENGTH);
    assertError(root.patch(INACTIVATE, json("username", "abc..de")), 400, BAD_CONSECUTIVE);
  }

  @Test
  void plain_user_cannot_inactivate() {
    Account target = newUser();
    assertError(
        as(newUser()).patch(INACTIVATE, json("username", target.username())), 403, NOT_AUTHORIZED);
    assertTrue(active(target.id()));
  }

  @Test
  void plain_user_gets_403_on_inactivate_before_username_rules_and_lookup() {
    ApiClient user = as(newUser());
    assertError(user.patch(INACTIVATE, json("username", "ab")), 403, NOT_AUTHORIZED);
    assertError(user.patch(INACTIVATE, json("username", uniqueName("gho"))), 403, NOT_AUTHORIZED);
  }

  @Test
  void inactivating_twice_is_a_no_op_204_that_leaves_updated_at_alone() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE, json("username", target.username())).status());
    Instant updated = updatedAt(target.id());
    ApiResponse again = root.patch(INACTIVATE, json("username", target.username()));
    assertEquals(204, again.status(), again.toString());
    assertFalse(active(target.id()));
    assertEquals(updated, updatedAt(target.id()));
  }

  @Test
  void inactivate_without_session_is_a_401() {
    Account target = newUser();
    assertError(api.patch(INACTIVATE, json("username", target.username())), 401, NOT_AUTHENTICATED);
    assertTrue(active(target.id()));
  }

  @Test
  void inactivate_without_username_is_a_422() {
    assertValidation(root.patch(INACTIVATE, "{}"), "body", "username");
    assertValidation(root.patch(INACTIVATE, json("username", null)), "body", "username");
    assertValidation(root.patch(INACTIVATE, "{\"username\":42}"), "body", "username");
  }

  @Test
  void inactivate_answers_with_a_trailing_slash_too() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE + "/", json("username", target.username())).status());
    assertFalse(active(target.id()));
  }

  @Test
  void inactivate_body_must_be_json() {
    ApiResponse response = root.send("PATCH", INACTIVATE, "username=abcde", "text/plain");
    assertEquals(415, response.status(), response.toString());
  }

  // ---------------------------------------------------------------- R9 reactivate

  @Test
  void admin_reactivates_a_user_who_can_then_log_in_again() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE, json("username", target.username())).status());
    Instant updatedBefore = updatedAt(target.id());
    ApiResponse response = as(newAdmin()).patch(REACTIVATE, json("username", target.username()));
    assertEquals(204, response.status(), response.toString());
    assertTrue(active(target.id()));
    assertTrue(updatedAt(target.id()).isAfter(updatedBefore));
    ApiResponse login = loginResponse(target.username(), target.password());
    assertEquals(204, login.status(), login.toString());
    assertEquals(403, api.withToken(login.token()).get(USERS).status(), "logged in again");
  }

  @Test
  void super_admin_reactivates_an_admin() {
    Account admin = newAdmin();
    assertEquals(204, root.patch(INACTIVATE, json("username", admin.username())).status());
    assertEquals(204, root.patch(REACTIVATE, json("username", admin.username())).status());
    assertTrue(active(admin.id()));
    assertEquals(200, as(admin).get(USERS).status());
  }

  @Test
  void reactivating_an_active_user_is_a_no_op_204_that_leaves_updated_at_alone() {
    Account target = newUser();
    ApiClient session = as(target);
    Instant updated = updatedAt(target.id());
    ApiResponse response = root.patch(REACTIVATE, json("username", target.username()));
    assertEquals(204, response.status(), response.toString());
    assertTrue(active(target.id()));
    assertEquals(updated, updatedAt(target.id()));
    assertEquals(403, session.get(USERS).status(), "the user's session is untouched");
  }

  @Test
  void admin_cannot_reactivate_an_admin() {
    Account other = newAdmin();
    assertEquals(204, root.patch(INACTIVATE, json("username", other.username())).status());
    assertError(
        as(newAdmin()).patch(REACTIVATE, json("username", other.username())), 403, NOT_AUTHORIZED);
    assertFalse(active(other.id()));
  }

  @Test
  void nobody_can_reactivate_a_super_admin() {
    Account superAdmin = newSuperAdmin();
    TestDatabase.update(
        "update users set is_active = false where id = ?", UUID.fromString(superAdmin.id()));
    assertError(
        as(newAdmin()).patch(REACTIVATE, json("username", superAdmin.username())),
        403,
        NOT_AUTHORIZED);
    assertError(
        root.patch(REACTIVATE, json("username", superAdmin.username())), 403, NOT_AUTHORIZED);
    assertFalse(active(superAdmin.id()));
  }

  @Test
  void reactivating_an_unknown_user_is_a_404() {
    String name = uniqueName("gho");
    assertError(
        root.patch(REACTIVATE, json("username", name)),
        404,
        "User with username '" + name + "' is not found.");
  }

  @Test
  void reactivating_with_a_bad_username_is_a_400() {
    assertError(root.patch(REACTIVATE, json("username", "abcde_")), 400, BAD_END);
  }

  @Test
  void plain_user_cannot_reactivate() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE, json("username", target.username())).status());
    ApiClient user = as(newUser());
    assertError(user.patch(REACTIVATE, json("username", target.username())), 403, NOT_AUTHORIZED);
    assertError(user.patch(REACTIVATE, json("username", "x")), 403, NOT_AUTHORIZED);
    assertFalse(active(target.id()));
  }

  @Test
  void reactivate_without_session_is_a_401() {
    assertError(api.patch(REACTIVATE, json("username", uniqueName("nos"))), 401, NOT_AUTHENTICATED);
  }

  @Test
  void reactivate_without_username_is_a_422() {
    assertValidation(root.patch(REACTIVATE, "{\"name\":\"abcdef\"}"), "body", "username");
  }

  // ---------------------------------------------------------------- R10 grant

  @Test
  void super_admin_grants_admin_rights_effective_on_the_targets_very_next_request() {
    Account target = newUser();
    ApiClient targetSession = as(target);
    assertError(targetSession.get(USERS), 403, NOT_AUTHORIZED);
    Instant updatedBefore = updatedAt(target.id());
    ApiResponse response = root.patch(GRANT, json("username", target.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("admin", role(target.id()));
    assertTrue(updatedAt(target.id()).isAfter(updatedBefore));
    ApiResponse listed = targetSession.get(USERS);
    assertEquals(200, listed.status(), "same session, no re-login: " + listed);
  }

  @Test
  void admin_cannot_grant_admin_rights() {
    Account target = newUser();
    assertError(
        as(newAdmin()).patch(GRANT, json("username", target.username())), 403, NOT_AUTHORIZED);
    assertEquals("user", role(target.id()));
  }

  @Test
  void plain_user_cannot_grant_admin_rights() {
    Account target = newUser();
    Account self = newUser();
    ApiClient session = as(self);
    assertError(session.patch(GRANT, json("username", target.username())), 403, NOT_AUTHORIZED);
    assertError(session.patch(GRANT, json("username", self.username())), 403, NOT_AUTHORIZED);
    assertEquals("user", role(target.id()));
    assertEquals("user", role(self.id()));
  }

  @Test
  void admin_gets_403_on_grant_before_username_rules_and_lookup() {
    ApiClient admin = as(newAdmin());
    assertError(admin.patch(GRANT, json("username", "a")), 403, NOT_AUTHORIZED);
    assertError(admin.patch(GRANT, json("username", uniqueName("gho"))), 403, NOT_AUTHORIZED);
  }

  @Test
  void role_of_a_super_admin_cannot_be_changed_by_grant() {
    Account superAdmin = newSuperAdmin();
    assertError(
        root.patch(GRANT, json("username", superAdmin.username())),
        403,
        "Changing role of user '" + superAdmin.username() + "' (super_admin) is not permitted.");
    assertEquals("super_admin", role(superAdmin.id()));
  }

  @Test
  void granting_to_an_unknown_user_is_a_404() {
    String name = uniqueName("gho");
    assertError(
        root.patch(GRANT, json("username", name)),
        404,
        "User with username '" + name + "' is not found.");
  }

  @Test
  void granting_with_a_bad_username_is_a_400() {
    assertError(root.patch(GRANT, json("username", "-abcde")), 400, BAD_START);
  }

  @Test
  void granting_to_an_admin_is_a_no_op_204_that_leaves_updated_at_alone() {
    Account admin = newAdmin();
    Instant updated = updatedAt(admin.id());
    ApiResponse response = root.patch(GRANT, json("username", admin.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("admin", role(admin.id()));
    assertEquals(updated, updatedAt(admin.id()));
  }

  @Test
  void grant_without_session_is_a_401() {
    Account target = newUser();
    assertError(api.patch(GRANT, json("username", target.username())), 401, NOT_AUTHENTICATED);
    assertEquals("user", role(target.id()));
  }

  @Test
  void grant_without_username_is_a_422() {
    assertValidation(root.patch(GRANT, "{}"), "body", "username");
  }

  // ---------------------------------------------------------------- R11 revoke

  @Test
  void super_admin_revokes_admin_rights_effective_on_the_admins_very_next_request() {
    Account admin = newAdmin();
    ApiClient adminSession = as(admin);
    assertEquals(200, adminSession.get(USERS).status());
    Instant updatedBefore = updatedAt(admin.id());
    ApiResponse response = root.patch(REVOKE, json("username", admin.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("user", role(admin.id()));
    assertTrue(updatedAt(admin.id()).isAfter(updatedBefore));
    assertError(adminSession.get(USERS), 403, NOT_AUTHORIZED);
    assertEquals(1, sessions(admin.id()), "still logged in, only without the rights");
  }

  @Test
  void admin_cannot_revoke_admin_rights() {
    Account other = newAdmin();
    assertError(
        as(newAdmin()).patch(REVOKE, json("username", other.username())), 403, NOT_AUTHORIZED);
    assertEquals("admin", role(other.id()));
  }

  @Test
  void admin_cannot_revoke_their_own_admin_rights() {
    Account admin = newAdmin();
    assertError(as(admin).patch(REVOKE, json("username", admin.username())), 403, NOT_AUTHORIZED);
    assertEquals("admin", role(admin.id()));
  }

  @Test
  void plain_user_cannot_revoke_admin_rights() {
    Account admin = newAdmin();
    assertError(
        as(newUser()).patch(REVOKE, json("username", admin.username())), 403, NOT_AUTHORIZED);
    assertEquals("admin", role(admin.id()));
  }

  @Test
  void role_of_a_super_admin_cannot_be_changed_by_revoke() {
    Account superAdmin = newSuperAdmin();
    assertError(
        root.patch(REVOKE, json("username", superAdmin.username())),
        403,
        "Changing role of user '" + superAdmin.username() + "' (super_admin) is not permitted.");
    assertEquals("super_admin", role(superAdmin.id()));
  }

  @Test
  void super_admin_cannot_revoke_their_own_role() {
    Account superAdmin = newSuperAdmin();
    assertError(
        as(superAdmin).patch(REVOKE, json("username", superAdmin.username())),
        403,
        "Changing role of user '" + superAdmin.username() + "' (super_admin) is not permitted.");
    assertEquals("super_admin", role(superAdmin.id()));
  }

  @Test
  void revoking_from_an_unknown_user_is_a_404() {
    String name = uniqueName("gho");
    assertError(
        root.patch(REVOKE, json("username", name)),
        404,
        "User with username '" + name + "' is not found.");
  }

  @Test
  void revoking_with_a_bad_username_is_a_400() {
    assertError(root.patch(REVOKE, json("username", "abc!def")), 400, BAD_CHARACTERS);
  }

  @Test
  void revoking_from_a_plain_user_is_a_no_op_204_that_leaves_updated_at_alone() {
    Account user = newUser();
    Instant updated = updatedAt(user.id());
    ApiResponse response = root.patch(REVOKE, json("username", user.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("user", role(user.id()));
    assertEquals(updated, updatedAt(user.id()));
  }

  @Test
  void revoke_without_session_is_a_401() {
    Account admin = newAdmin();
    assertError(api.patch(REVOKE, json("username", admin.username())), 401, NOT_AUTHENTICATED);
    assertEquals("admin", role(admin.id()));
  }

  @Test
  void grant_then_revoke_restores_a_plain_user() {
    Account target = newUser();
    ApiClient session = as(target);
    assertEquals(204, root.patch(GRANT, json("username", target.username())).status());
    assertEquals(200, session.get(USERS).status());
    assertEquals(204, root.patch(REVOKE, json("username", target.username())).status());
    assertError(session.get(USERS), 403, NOT_AUTHORIZED);
    assertEquals("user", role(target.id()));
  }

  // ---------------------------------------------------------------- R12 change password

  @Test
  void own_password_change_requires_the_current_password() {
    Account user = newUser();
    String hash = hash(user.id());
    assertError(
        as(user)
            .patch(CHANGE_PASSWORD, json("username", user.username(), "password", "new-secret-1")),
        400,
        "Current password is required.");
    assertEquals(hash, hash(user.id()));
  }

  @Test
  void own_password_change_with_a_wrong_current_password_is_a_403() {
    Account user = newUser();
    ApiClient first = as(user);
    ApiClient second = as(user);
    String hash = hash(user.id());
    assertError(
        first.patch(
            CHANGE_PASSWORD,
            json(
                "username",
                user.username(),
                "password",
                "new-secret-1",
                "current_password",
                "wrong-one")),
        403,
        "Invalid current password.");
    assertEquals(hash, hash(user.id()));
    assertEquals(2, sessions(user.id()), "no session ends on a refused change");
    assertEquals(403, second.get(USERS).status());
    assertEquals(204, loginResponse(user.username(), user.password()).status());
  }

  @Test
  void own_password_change_keeps_the_current_session_and_ends_the_others() {
    Account user = newUser();
    ApiClient current = as(user);
    ApiClient other = as(user);
    assertEquals(2, sessions(user.id()));
    Instant updatedBefore = updatedAt(user.id());
    ApiResponse response =
        current.patch(
            CHANGE_PASSWORD,
            json(
                "username",
                user.username(),
                "password",
                "new-secret-1",
                "current_password",
                user.password()));
    assertEquals(204, response.status(), response.toString());
    assertEquals(1, sessions(user.id()));
    assertError(other.get(USERS), 401, NOT_AUTHENTICATED);
    assertError(current.get(USERS), 403, NOT_AUTHORIZED);
    assertTrue(updatedAt(user.id()).isAfter(updatedBefore));
    assertError(loginResponse(user.username(), user.password()), 401, INVALID_CREDENTIALS);
    assertEquals(204, loginResponse(user.username(), "new-secret-1").status());
  }

  @Test
  void own_password_is_recognised_as_own_in_any_letter_case() {
    Account user = newUser();
    String shouted = user.username().toUpperCase(Locale.ROOT);
    assertError(
        as(user).patch(CHANGE_PASSWORD, json("username", shouted, "password", "new-secret-1")),
        400,
        "Current password is required.");
  }

  @Test
  void admin_changes_own_password_only_with_the_current_one() {
    Account admin = newAdmin();
    ApiClient session = as(admin);
    assertError(
        session.patch(
            CHANGE_PASSWORD, json("username", admin.username(), "password", "new-secret-1")),
        400,
        "Current password is required.");
    assertEquals(
        204,
        session
            .patch(
                CHANGE_PASSWORD,
                json(
                    "username",
                    admin.username(),
                    "password",
                    "new-secret-1",
                    "current_password",
                    admin.password()))
            .status());
    assertEquals(200, session.get(USERS).status());
    assertEquals(204, loginResponse(admin.username(), "new-secret-1").status());
  }

  @Test
  void super_admin_changes_own_password_with_the_current_one() {
    Account superAdmin = newSuperAdmin();
    ApiClient session = as(superAdmin);
    ApiClient other = as(superAdmin);
    assertEquals(
        204,
        session
            .patch(
                CHANGE_PASSWORD,
                json(
                    "username",
                    superAdmin.username(),
                    "password",
                    "new-secret-1",
                    "current_password",
                    superAdmin.password()))
            .status());
    assertEquals(200, session.get(USERS).status());
    assertError(other.get(USERS), 401, NOT_AUTHENTICATED);
    assertEquals(204, loginResponse(superAdmin.username(), "new-secret-1").status());
  }

  @Test
  void admin_changes_a_users_password_without_current_and_all_the_users_sessions_end() {
    Account target = newUser();
    ApiClient one = as(target);
    ApiClient two = as(target);
    assertEquals(2, sessions(target.id()));
    ApiClient admin = as(newAdmin());
    String hash = hash(target.id());
    ApiResponse response =
        admin.patch(
            CHANGE_PASSWORD, json("username", target.username(), "password", "new-secret-1"));
    assertEquals(204, response.status(), response.toString());
    assertNotEquals(hash, hash(target.id()));
    assertEquals(0, sessions(target.id()));
    assertError(one.get(USERS), 401, NOT_AUTHENTICATED);
    assertError(two.get(USERS), 401, NOT_AUTHENTICATED);
    assertEquals(200, admin.get(USERS).status(), "the admin's own session is untouched");
    assertError(loginResponse(target.username(), target.password()), 401, INVALID_CREDENTIALS);
    assertEquals(204, loginResponse(target.username(), "new-secret-1").status());
  }

  @Test
  void current_password_is_ignored_when_changing_someone_elses() {
    Account target = newUser();
    ApiResponse response =
        as(newAdmin())
            .patch(
                CHANGE_PASSWORD,
                json(
                    "username",
                    target.username(),
                    "password",
                    "new-secret-1",
                    "current_password",
                    "not-it-at-all"));
    assertEquals(204, response.status(), response.toString());
    assertEquals(204, loginResponse(target.username(), "new-secret-1").status());
  }

  @Test
  void super_admin_changes_an_admins_password() {
    Account admin = newAdmin();
    ApiClient adminSession = as(admin);
    assertEquals(
        204,
        root.patch(CHANGE_PASSWORD, json("username", admin.username(), "password", "new-secret-1"))
            .status());
    assertError(adminSession.get(USERS), 401, NOT_AUTHENTICATED);
    assertEquals(204, loginResponse(admin.username(), "new-secret-1").status());
  }

  @Test
  void admin_cannot_change_another_admins_password() {
    Account other = newAdmin();
    String hash = hash(other.id());
    assertError(
        as(newAdmin())
            .patch(CHANGE_PASSWORD, json("username", other.username(), "password", "new-secret-1")),
        403,
        NOT_AUTHORIZED);
    assertEquals(hash, hash(other.id()));
  }

  @Test
  void admin_cannot_change_a_super_admins_password() {
    Account superAdmin = newSuperAdmin();
    String hash = hash(superAdmin.id());
    assertError(
        as(newAdmin())
            .patch(
                CHANGE_PASSWORD,
                json("username", superAdmin.username(), "password", "new-secret-1")),
        403,
        NOT_AUTHORIZED);
    assertEquals(hash, hash(superAdmin.id()));
  }

  @Test
  void super_admins_password_is_changed_only_by_that_super_admin() {
    Account target = newSuperAdmin();
    ApiClient targetSession = as(target);
    String hash = hash(target.id());
    assertError(
        as(newSuperAdmin())
            .patch(
                CHANGE_PASSWORD, json("username", target.username(), "password", "new-secret-1")),
        403,
        NOT_AUTHORIZED);
    assertError(
        as(newSuperAdmin())
            .patch(
                CHANGE_PASSWORD,
                json(
                    "username",
                    target.username(),
                    "password",
                    "new-secret-1",
                    "current_password",
                    target.password())),
        403,
        NOT_AUTHORIZED);
    assertEquals(hash, hash(target.id()));
    assertEquals(200, targetSession.get(USERS).status());
  }

  @Test
  void plain_user_cannot_change_another_users_password() {
    Account target = newUser();
    String hash = hash(target.id());
    assertError(
        as(newUser())
            .patch(
                CHANGE_PASSWORD,
                json(
                    "username",
                    target.username(),
                    "password",
                    "new-secret-1",
                    "current_password",
                    target.password())),
        403,
        NOT_AUTHORIZED);
    assertEquals(hash, hash(target.id()));
  }

  @Test
  void plain_user_gets_the_same_403_for_a_name_that_does_not_exist() {
    ApiClient user = as(newUser());
    assertError(
        user.patch(
            CHANGE_PASSWORD, json("username", uniqueName("gho"), "password", "new-secret-1")),
        403,
        NOT_AUTHORIZED);
  }

  @Test
  void admin_changing_an_unknown_users_password_gets_a_404() {
    String name = uniqueName("gho");
    assertError(
        as(newAdmin()).patch(CHANGE_PASSWORD, json("username", name, "password", "new-secret-1")),
        404,
        "User with username '" + name + "' is not found.");
  }

  @Test
  void new_password_too_short_is_a_400_before_the_current_password_check() {
    Account user = newUser();
    ApiClient session = as(user);
    assertError(
        session.patch(CHANGE_PASSWORD, json("username", user.username(), "password", "12345")),
        400,
        PASSWORD_TOO_SHORT);
    assertError(
        session.patch(
            CHANGE_PASSWORD,
            json(
                "username", user.username(), "password", "12345", "current_password", "wrong-one")),
        400,
        PASSWORD_TOO_SHORT);
  }

  @Test
  void new_password_too_long_is_a_400() {
    Account target = newUser();
    String hash = hash(target.id());
    assertError(
        root.patch(
            CHANGE_PASSWORD, json("username", target.username(), "password", "p".repeat(1025))),
        400,
        PASSWORD_TOO_LONG);
    assertEquals(hash, hash(target.id()));
  }

  @Test
  void change_password_with_a_bad_username_is_a_400_even_for_a_plain_user() {
    assertError(
        as(newUser()).patch(CHANGE_PASSWORD, json("username", "abcd", "password", "new-secret-1")),
        400,
        BAD_LENGTH);
    assertError(
        root.patch(CHANGE_PASSWORD, json("username", "ab__cd", "password", "new-secret-1")),
        400,
        BAD_CONSECUTIVE);
  }

  @Test
  void every_password_change_stores_a_fresh_salted_hash() {
    Account target = newUser();
    assertEquals(
        204,
        root.patch(CHANGE_PASSWORD, json("username", target.username(), "password", "same-secret"))
            .status());
    String first = hash(target.id());
    assertEquals(
        204,
        root.patch(CHANGE_PASSWORD, json("username", target.username(), "password", "same-secret"))
            .status());
    String second = hash(target.id());
    assertEquals(60, second.length());
    assertTrue(second.startsWith("$2"), "bcrypt modular crypt");
    assertNotEquals(first, second);
    assertEquals(204, loginResponse(target.username(), "same-secret").status());
  }

  @Test
  void change_password_without_session_is_a_401() {
    Account target = newUser();
    String hash = hash(target.id());
    assertError(
        api.patch(
            CHANGE_PASSWORD,
            json(
                "username",
                target.username(),
                "password",
                "new-secret-1",
                "current_password",
                target.password())),
        401,
        NOT_AUTHENTICATED);
    assertEquals(hash, hash(target.id()));
  }

  @Test
  void change_password_without_new_password_is_a_422() {
    Account user = newUser();
    assertValidation(
        as(user)
            .patch(
                CHANGE_PASSWORD,
                json("username", user.username(), "current_password", user.password())),
        "body",
        "password");
    assertValidation(
        as(user)
            .patch(
                CHANGE_PASSWORD,
                json(
                    "username",
                    user.username(),
                    "password",
                    null,
                    "current_password",
                    user.password())),
        "body",
        "password");
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void parallel_role_and_activation_changes_end_in_a_valid_state_without_5xx() throws Exception {
    Account target = newUser();
    ApiClient targetSession = as(target);
    assertEquals(1, sessions(target.id()));
    List<String> routes = List.of(INACTIVATE, REACTIVATE, GRANT, REVOKE);
    String body = json("username", target.username());
    List<Integer> statuses = inParallel(20, i -> root.patch(routes.get(i % routes.size()), body));
    assertTrue(statuses.stream().noneMatch(s -> s >= 500), statuses.toString());
    assertTrue(statuses.stream().allMatch(s -> s == 204), statuses.toString());
    String finalRole = role(target.id());
    assertTrue(Set.of("user", "admin").contains(finalRole), finalRole);
    if (!active(target.id())) {
      assertEquals(0, sessions(target.id()), "an inactive user keeps no session");
    }
    // The target started active, so in every serial order the first inactivation found it
    // active and ended its session: whatever the final state, that session is gone.
    assertEquals(0, sessions(target.id()));
    assertError(targetSession.get(USERS), 401, NOT_AUTHENTICATED);
    // The state is a consistent one: the row reads back through the API as stored.
    JsonObject listed = byId(listAll(root, ""), target.id());
    assertEquals(finalRole, listed.getString("role"));
    assertEquals(active(target.id()), listed.getBoolean("is_active"));
  }

  // ================================================================ helpers

  /** A user the tests made, with the password it was given. */
  record Account(String id, String username, String password, String role) {}

  /** A random valid username: the prefix and random lowercase letters and digits, 18 chars. */
  private static String uniqueName(String prefix) {
    StringBuilder name = new StringBuilder(prefix);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (name.length() < 18) {
      name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }

  private Account newUser() {
    return create(root, "user");
  }

  private Account newAdmin() {
    return create(root, "admin");
  }

  /** A throwaway super admin: created as an admin, then promoted in the database. */
  private Account newSuperAdmin() {
    Account admin = create(root, "admin");
    assertEquals(
        1,
        TestDatabase.update(
            "update users set role = 'super_admin' where id = ?", UUID.fromString(admin.id())));
    return new Account(admin.id(), admin.username(), admin.password(), "super_admin");
  }

  private Account create(ApiClient caller, String role) {
    return createAs(caller, uniqueName(role.substring(0, 1) + "x"), role);
  }

  private Account createNamed(String username, String role) {
    return createAs(root, username, role);
  }

  private Account createAs(ApiClient caller, String username, String role) {
    String password = "pw-" + uniqueName("p");
    ApiResponse response =
        caller.post(USERS, json("username", username, "password", password, "role", role));
    assertEquals(201, response.status(), "creating " + username + ": " + response);
    return new Account(response.json().getString("id"), username, password, role);
  }

  private ApiResponse loginResponse(String username, String password) {
    return api.post(LOGIN, json("username", username, "password", password));
  }

  private String login(String username, String password) {
    ApiResponse response = loginResponse(username, password);
    assertEquals(204, response.status(), "log-in of " + username + ": " + response);
    return response.token();
  }

  /** A client holding a fresh session of that account. */
  private ApiClient as(Account account) {
    return api.withToken(login(account.username(), account.password()));
  }

  /** A JSON object from name/value pairs; a null value is a JSON null. */
  private static String json(String... pairs) {
    JsonObjectBuilder builder = Json.createObjectBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        builder.addNull(pairs[i]);
      } else {
        builder.add(pairs[i], pairs[i + 1]);
      }
    }
    return builder.build().toString();
  }

  private static void assertError(ApiResponse response, int status, String description) {
    assertEquals(status, response.status(), response.toString());
    assertEquals(description, response.description(), response.toString());
  }

  /** A 422 whose details name the given location, alongside maybe others. */
  private static void assertValidation(ApiResponse response, String... loc) {
    assertEquals(422, response.status(), response.toString());
    JsonObject body = response.json();
    assertFalse(body.getString("description").isBlank(), response.toString());
    JsonArray details = body.getJsonArray("details");
    List<List<String>> locations =
        details.getValuesAs(JsonObject.class).stream()
            .map(
                d ->
                    d.getJsonArray("loc").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList())
            .toList();
    assertTrue(
        locations.contains(List.of(loc)), "expected loc " + List.of(loc) + " in " + response);
    for (JsonObject detail : details.getValuesAs(JsonObject.class)) {
      assertFalse(detail.getString("msg").isBlank(), detail.toString());
      assertFalse(detail.getString("type").isBlank(), detail.toString());
    }
  }

  private void assertCreateRejected(String username, String message) {
    assertError(root.post(USERS, json("username", username, "password", "secret-1")), 400, message);
    assertNoUser(username);
  }

  private static void assertNoUser(String username) {
    assertEquals(
        0,
        TestDatabase.count(
            "select count(*) from users where lower(username) = ?",
            username.toLowerCase(Locale.ROOT)),
        "no user " + username);
  }

  private static void assertBetween(long low, long value, long high) {
    assertTrue(
        Math.min(low, high) <= value && value <= Math.max(low, high),
        value + " not within [" + low + ", " + high + "]");
  }

  // ---- database reads

  private static UUID uuid(String id) {
    return UUID.fromString(id);
  }

  private static String role(String id) {
    return (String)
        TestDatabase.value("select role from users where id = ?", uuid(id)).orElseThrow();
  }

  private static boolean active(String id) {
    return (Boolean)
        TestDatabase.value("select is_active from users where id = ?", uuid(id)).orElseThrow();
  }

  private static String hash(String id) {
    return (String)
        TestDatabase.value("select password_hash from users where id = ?", uuid(id)).orElseThrow();
  }

  private static Instant createdAt(String id) {
    return instant(
        TestDatabase.value("select created_at from users where id = ?", uuid(id)).orElseThrow());
  }

  private static Instant updatedAt(String id) {
    return instant(
        TestDatabase.value("select updated_at from users where id = ?", uuid(id)).orElseThrow());
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }

  private static long sessions(String id) {
    return TestDatabase.count("select count(*) from auth_sessions where user_id = ?", uuid(id));
  }

  private static long countUsers() {
    return TestDatabase.count("select count(*) from users");
  }

  // ---- list reads

  private static List<JsonObject> users(JsonObject page) {
    return page.getJsonArray("users").getValuesAs(JsonObject.class);
  }

  private static JsonObject list(ApiClient caller, String query) {
    ApiResponse response = caller.get(USERS + query);
    assertEquals(200, response.status(), query + ": " + response);
    return response.json();
  }

  /** Every user, page by page (1000 a page), in the order the query asks for. */
  private static List<JsonObject> listAll(ApiClient caller, String query) {
    List<JsonObject> all = new ArrayList<>();
    for (long offset = 0; ; offset += 1000) {
      JsonObject page = list(caller, "?limit=1000&offset=" + offset + query);
      List<JsonObject> users = users(page);
      all.addAll(users);
      if (users.size() < 1000) {
        return all;
      }
    }
  }

  private static JsonObject byId(List<JsonObject> users, String id) {
    return users.stream()
        .filter(u -> u.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("user " + id + " not listed"));
  }

  /** The ids of the given accounts in the order the list shows them. */
  private static List<String> mineInOrder(List<JsonObject> listed, List<Account> mine) {
    Set<String> ids = mine.stream().map(Account::id).collect(Collectors.toSet());
    List<String> found = listed.stream().map(u -> u.getString("id")).filter(ids::contains).toList();
    assertEquals(ids.size(), found.size(), "each of my users listed exactly once");
    return found;
  }

  private static List<String> idsOf(List<JsonObject> users) {
    return users.stream().map(u -> u.getString("id")).toList();
  }

  private static List<String> ids(Account... accounts) {
    return Arrays.stream(accounts).map(Account::id).toList();
  }

  /** Ids in ascending order; UUIDs order like their lowercase text (PostgreSQL byte order). */
  private static List<String> sortedIds(Account... accounts) {
    return Arrays.stream(accounts).map(Account::id).sorted().toList();
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  /** Users with set timestamps: two share one (a tie), so the id decides between them. */
  private void assertTimestampSorting(String field) {
    List<Account> mine = List.of(newUser(), newUser(), newUser(), newUser(), newUser());
    Instant base = Instant.parse("2001-02-03T04:05:06.123456Z");
    List<Instant> stamps =
        List.of(
            base.plusSeconds(30),
            base,
            base.plusSeconds(30),
            base.plusSeconds(10),
            base.plusSeconds(20));
    for (int i = 0; i < mine.size(); i++) {
      TestDatabase.update(
          "update users set " + field + " = ? where id = ?",
          OffsetDateTime.ofInstant(stamps.get(i), ZoneOffset.UTC),
          uuid(mine.get(i).id()));
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
    assertPageSorted(field, false);
    assertPageSorted(field, true);
  }

  /** The first page sorted by the field is in order, ties broken by id the same way. */
  private void assertPageSorted(String field, boolean descending) {
    JsonObject page =
        list(
            root,
            "?limit=1000&sorting_field="
                + field
                + "&sorting_order="
                + (descending ? "DESC" : "ASC"));
    Comparator<JsonObject> byField =
        switch (field) {
          case "id" -> Comparator.comparing(u -> u.getString("id"));
          case "role" -> Comparator.comparing(u -> u.getString("role"));
          case "is_active" -> Comparator.comparing(u -> u.getBoolean("is_active"));
          case "created_at", "updated_at" ->
              Comparator.comparing(u -> OffsetDateTime.parse(u.getString(field)).toInstant());
          default -> throw new IllegalArgumentException(field);
        };
    Comparator<JsonObject> order = byField.thenComparing(u -> u.getString("id"));
    if (descending) {
      order = order.reversed();
    }
    List<JsonObject> users = users(page);
    for (int i = 1; i < users.size(); i++) {
      assertTrue(
          order.compare(users.get(i - 1), users.get(i)) < 0,
          field
              + (descending ? " desc" : " asc")
              + " out of order at "
              + i
              + ": "
              + users.get(i - 1)
              + " then "
              + users.get(i));
    }
  }

  /** Adjacent usernames are in the database's own collation order (no ties: names unique). */
  private static void assertSortedByUsernameInDatabaseOrder(
      List<JsonObject> users, boolean descending) {
    for (int i = 1; i < users.size(); i++) {
      String previous = users.get(i - 1).getString("username");
      String next = users.get(i).getString("username");
      boolean less =
          (Boolean)
              TestDatabase.value(
                      "select ?::varchar < ?::varchar",
                      descending ? next : previous,
                      descending ? previous : next)
                  .orElseThrow();
      assertTrue(
          less,
          "username "
              + (descending ? "desc" : "asc")
              + " out of order: "
              + previous
              + " then "
              + next);
    }
  }

  private interface Call {
    ApiResponse run(int index);
  }

  /** Runs the calls at once (released together) and returns their statuses in call order. */
  private static List<Integer> inParallel(int count, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.run(index).status();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> future : futures) {
        statuses.add(future.get(120, TimeUnit.SECONDS));
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
