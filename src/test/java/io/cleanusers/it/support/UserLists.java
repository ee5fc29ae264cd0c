package io.cleanusers.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Reading the user list (GET /api/v1/users/): pages, every user, and the order they come in. */
public final class UserLists {

  private UserLists() {}

  public static List<JsonObject> users(JsonObject page) {
    return page.getJsonArray("users").getValuesAs(JsonObject.class);
  }

  /** One page; the query starts with "?". */
  public static JsonObject list(ApiClient caller, String query) {
    ApiResponse response = caller.get(Routes.USERS + query);
    assertEquals(200, response.status(), query + ": " + response);
    return response.json();
  }

  /** Every user, page by page (1000 a page), in the order the query (from "&") asks for. */
  public static List<JsonObject> listAll(ApiClient caller, String query) {
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

  public static JsonObject byId(List<JsonObject> users, String id) {
    return users.stream()
        .filter(u -> u.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("user " + id + " not listed"));
  }

  public static List<String> idsOf(List<JsonObject> users) {
    return users.stream().map(u -> u.getString("id")).toList();
  }

  public static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  public static void assertBetween(long low, long value, long high) {
    assertTrue(
        Math.min(low, high) <= value && value <= Math.max(low, high),
        value + " not within [" + low + ", " + high + "]");
  }

  /** The first page sorted by the field is in order, ties broken by id the same way. */
  public static void assertPageSorted(ApiClient caller, String field, boolean descending) {
    JsonObject page =
        list(
            caller,
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
  public static void assertSortedByUsernameInDatabaseOrder(
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
}
