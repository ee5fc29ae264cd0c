package io.cleanusers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.Deployments;
import io.cleanusers.it.support.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
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
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the user-administration tests share: the routes, the texts the contract answers with, the
 * deployment, a fresh session of the bootstrap super admin per test, and helpers that make
 * accounts, call the API and read the database.
 *
 * <p>Every test makes its own users with fresh random names, so tests depend neither on each other
 * nor on what else the shared database holds. The bootstrap super admin (from the failsafe
 * settings) is only ever used as a caller; anything that could harm a super admin is tried on
 * throwaway super admins made by a database update.
 */
abstract class UserAdminSupport {

  static final String USERS = "/api/v1/users/";
  static final String INACTIVATE = "/api/v1/users/inactivate";
  static final String REACTIVATE = "/api/v1/users/reactivate";
  static final String GRANT = "/api/v1/users/grant";
  static final String REVOKE = "/api/v1/users/revoke";
  static final String CHANGE_PASSWORD = "/api/v1/users/change-password";
  static final String LOGIN = "/api/v1/account/login";

  static final String ROOT_NAME = System.getProperty("it.superadmin.username");
  static final String ROOT_PASSWORD = System.getProperty("it.superadmin.password");

  static final String NOT_AUTHENTICATED = "Not authenticated.";
  static final String NOT_AUTHORIZED = "Not authorized.";
  static final String BAD_LENGTH = "Username must be between 5 and 20 characters.";
  static final String BAD_START = "Username must start with a letter (A-Z, a-z) or a digit (0-9).";
  static final String BAD_CHARACTERS =
      "Username can only contain letters (A-Z, a-z),"
          + " digits (0-9), dots (.), hyphens (-), and underscores (_).";
  static final String BAD_CONSECUTIVE =
      "Username cannot contain consecutive special characters like .., --, or __.";
  static final String BAD_END = "Username must end with a letter (A-Z, a-z) or a digit (0-9).";
  static final String PASSWORD_TOO_SHORT = "Password must be at least 6 characters long.";
  static final String PASSWORD_TOO_LONG = "Password must be at most 1024 characters long.";
  static final String INVALID_CREDENTIALS = "Invalid username or password.";

  static final Set<String> USER_KEYS =
      Set.of("id", "username", "role", "is_active", "created_at", "updated_at");
  static final Pattern UUID_V7 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static final Pattern ISO_UTC =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|\\+00:00)");
  static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

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

  /** A user the tests made, with the password it was given. */
  record Account(String id, String username, String password, String role) {}

  /** A random valid username: the prefix and random lowercase letters and digits, 18 chars. */
  static String uniqueName(String prefix) {
    StringBuilder name = new StringBuilder(prefix);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (name.length() < 18) {
      name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }

  Account newUser() {
    return create(root, "user");
  }

  Account newAdmin() {
    return create(root, "admin");
  }

  /** A throwaway super admin: created as an admin, then promoted in the database. */
  Account newSuperAdmin() {
    Account admin = create(root, "admin");
    assertEquals(
        1,
        TestDatabase.update(
            "update users set role = 'super_admin' where id = ?", UUID.fromString(admin.id())));
    return new Account(admin.id(), admin.username(), admin.password(), "super_admin");
  }

  Account create(ApiClient caller, String role) {
    return createAs(caller, uniqueName(role.substring(0, 1) + "x"), role);
  }

  Account createNamed(String username, String role) {
    return createAs(root, username, role);
  }

  Account createAs(ApiClient caller, String username, String role) {
    String password = "pw-" + uniqueName("p");
    ApiResponse response =
        caller.post(USERS, json("username", username, "password", password, "role", role));
    assertEquals(201, response.status(), "creating " + username + ": " + response);
    return new Account(response.json().getString("id"), username, password, role);
  }

  ApiResponse loginResponse(String username, String password) {
    return api.post(LOGIN, json("username", username, "password", password));
  }

  String login(String username, String password) {
    ApiResponse response = loginResponse(username, password);
    assertEquals(204, response.status(), "log-in of " + username + ": " + response);
    return response.token();
  }

  /** A client holding a fresh session of that account. */
  ApiClient as(Account account) {
    return api.withToken(login(account.username(), account.password()));
  }

  /** A JSON object from name/value pairs; a null value is a JSON null. */
  static String json(String... pairs) {
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

  static void assertError(ApiResponse response, int status, String description) {
    assertEquals(status, response.status(), response.toString());
    assertEquals(description, response.description(), response.toString());
  }

  /** A 422 whose details name the given location, alongside maybe others. */
  static void assertValidation(ApiResponse response, String... loc) {
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

  void assertCreateRejected(String username, String message) {
    assertError(root.post(USERS, json("username", username, "password", "secret-1")), 400, message);
    assertNoUser(username);
  }

  static void assertNoUser(String username) {
    assertEquals(
        0,
        TestDatabase.count(
            "select count(*) from users where lower(username) = ?",
            username.toLowerCase(Locale.ROOT)),
        "no user " + username);
  }

  static void assertBetween(long low, long value, long high) {
    assertTrue(
        Math.min(low, high) <= value && value <= Math.max(low, high),
        value + " not within [" + low + ", " + high + "]");
  }

  // ---- database reads

  static UUID uuid(String id) {
    return UUID.fromString(id);
  }

  static String role(String id) {
    return (String)
        TestDatabase.value("select role from users where id = ?", uuid(id)).orElseThrow();
  }

  static boolean active(String id) {
    return (Boolean)
        TestDatabase.value("select is_active from users where id = ?", uuid(id)).orElseThrow();
  }

  static String hash(String id) {
    return (String)
        TestDatabase.value("select password_hash from users where id = ?", uuid(id)).orElseThrow();
  }

  static Instant createdAt(String id) {
    return instant(
        TestDatabase.value("select created_at from users where id = ?", uuid(id)).orElseThrow());
  }

  static Instant updatedAt(String id) {
    return instant(
        TestDatabase.value("select updated_at from users where id = ?", uuid(id)).orElseThrow());
  }

  static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    }
    throw new IllegalStateException("not a timestamp: " + value);
  }

  static long sessions(String id) {
    return TestDatabase.count("select count(*) from auth_sessions where user_id = ?", uuid(id));
  }

  static long countUsers() {
    return TestDatabase.count("select count(*) from users");
  }

  // ---- list reads

  static List<JsonObject> users(JsonObject page) {
    return page.getJsonArray("users").getValuesAs(JsonObject.class);
  }

  static JsonObject list(ApiClient caller, String query) {
    ApiResponse response = caller.get(USERS + query);
    assertEquals(200, response.status(), query + ": " + response);
    return response.json();
  }

  /** Every user, page by page (1000 a page), in the order the query asks for. */
  static List<JsonObject> listAll(ApiClient caller, String query) {
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

  static JsonObject byId(List<JsonObject> users, String id) {
    return users.stream()
        .filter(u -> u.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("user " + id + " not listed"));
  }

  /** The ids of the given accounts in the order the list shows them. */
  static List<String> mineInOrder(List<JsonObject> listed, List<Account> mine) {
    Set<String> ids = mine.stream().map(Account::id).collect(Collectors.toSet());
    List<String> found = listed.stream().map(u -> u.getString("id")).filter(ids::contains).toList();
    assertEquals(ids.size(), found.size(), "each of my users listed exactly once");
    return found;
  }

  static List<String> idsOf(List<JsonObject> users) {
    return users.stream().map(u -> u.getString("id")).toList();
  }

  static List<String> ids(Account... accounts) {
    return Arrays.stream(accounts).map(Account::id).toList();
  }

  /** Ids in ascending order; UUIDs order like their lowercase text (PostgreSQL byte order). */
  static List<String> sortedIds(Account... accounts) {
    return Arrays.stream(accounts).map(Account::id).sorted().toList();
  }

  static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  /** Users with set timestamps: two share one (a tie), so the id decides between them. */
  void assertTimestampSorting(String field) {
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
  void assertPageSorted(String field, boolean descending) {
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
  static void assertSortedByUsernameInDatabaseOrder(List<JsonObject> users, boolean descending) {
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

  interface Call {
    ApiResponse run(int index);
  }

  /** Runs the calls at once (released together) and returns their statuses in call order. */
  static List<Integer> inParallel(int count, Call call) throws Exception {
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
