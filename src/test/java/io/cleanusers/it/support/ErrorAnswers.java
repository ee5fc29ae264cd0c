package io.cleanusers.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/** Assertions on error answers: status and description, and the details of a 422. */
public final class ErrorAnswers {

  private ErrorAnswers() {}

  public static void assertError(ApiResponse response, int status, String description) {
    assertEquals(status, response.status(), response.toString());
    assertEquals(description, response.description(), response.toString());
  }

  /** A 422 whose details name exactly these body locations, each once. */
  public static void assertValidation(ApiResponse response, List<List<String>> locs) {
    assertEquals(422, response.status(), response.toString());
    assertDetailsWellFormed(response);
    List<List<String>> found = locs(response);
    assertEquals(Set.copyOf(locs), Set.copyOf(found), response.toString());
    assertEquals(locs.size(), found.size(), response.toString());
  }

  /** A 422 about the body as a whole (or some part of it). */
  public static void assertValidationAtBody(ApiResponse response) {
    assertEquals(422, response.status(), response.toString());
    assertDetailsWellFormed(response);
    assertFalse(locs(response).isEmpty(), response.toString());
  }

  /** description, and details each with a loc starting with "body", a msg and a type. */
  public static void assertDetailsWellFormed(ApiResponse response) {
    JsonObject body = response.json();
    assertFalse(body.getString("description").isBlank());
    JsonArray details = body.getJsonArray("details");
    assertFalse(details.isEmpty(), response.toString());
    for (JsonValue value : details) {
      JsonObject detail = value.asJsonObject();
      List<String> loc = loc(detail);
      assertFalse(loc.isEmpty());
      assertEquals("body", loc.get(0), response.toString());
      assertFalse(detail.getString("msg").isBlank());
      assertFalse(detail.getString("type").isBlank());
    }
  }

  /** A 422 whose details name the given location (body or query), alongside maybe others. */
  public static void assertValidationIncludes(ApiResponse response, String... loc) {
    assertEquals(422, response.status(), response.toString());
    JsonObject body = response.json();
    assertFalse(body.getString("description").isBlank(), response.toString());
    assertTrue(
        locs(response).contains(List.of(loc)), "expected loc " + List.of(loc) + " in " + response);
    for (JsonObject detail : body.getJsonArray("details").getValuesAs(JsonObject.class)) {
      assertFalse(detail.getString("msg").isBlank(), detail.toString());
      assertFalse(detail.getString("type").isBlank(), detail.toString());
    }
  }

  private static List<List<String>> locs(ApiResponse response) {
    return response.json().getJsonArray("details").stream()
        .map(v -> loc(v.asJsonObject()))
        .toList();
  }

  private static List<String> loc(JsonObject detail) {
    return detail.getJsonArray("loc").stream().map(v -> ((JsonString) v).getString()).toList();
  }
}
