package io.cleanusers.it;

import static io.cleanusers.it.support.Bodies.json;
import static io.cleanusers.it.support.ContractTexts.NAME_CHARACTERS;
import static io.cleanusers.it.support.ContractTexts.NAME_CONSECUTIVE;
import static io.cleanusers.it.support.ContractTexts.NAME_END;
import static io.cleanusers.it.support.ContractTexts.NAME_LENGTH;
import static io.cleanusers.it.support.ContractTexts.NAME_START;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHENTICATED;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHORIZED;
import static io.cleanusers.it.support.ContractTexts.PASSWORD_TOO_LONG;
import static io.cleanusers.it.support.ContractTexts.PASSWORD_TOO_SHORT;
import static io.cleanusers.it.support.ContractTexts.alreadyExists;
import static io.cleanusers.it.support.ErrorAnswers.assertError;
import static io.cleanusers.it.support.ErrorAnswers.assertValidationIncludes;
import static io.cleanusers.it.support.Formats.UUID_V7;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Routes.USERS;
import static io.cleanusers.it.support.Rows.active;
import static io.cleanusers.it.support.Rows.assertNoUser;
import static io.cleanusers.it.support.Rows.createdAt;
import static io.cleanusers.it.support.Rows.role;
import static io.cleanusers.it.support.Rows.updatedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.Parallel;
import io.cleanusers.it.support.TestDatabase;
import io.cleanusers.it.support.UserAdminApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Creating users (POST /api/v1/users/): who may create whom, the name and password rules, and what
 * is stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CreateUserIT extends UserAdminApiTest {

  // ----------------------------------------- create user (POST /api/v1/users)

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
    ApiResponse response = logIn(api, user.username(), user.password());
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
    assertValidationIncludes(response, "body", "role");
    assertNoUser(name);
  }

  @Test
  void unknown_role_is_a_422() {
    String name = uniqueName("url");
    ApiResponse response =
        root.post(USERS, json("username", name, "password", "secret-1", "role", "owner"));
    assertValidationIncludes(response, "body", "role");
    assertNoUser(name);
  }

  @Test
  void role_in_another_letter_case_is_an_unknown_role_422() {
    String name = uniqueName("crl");
    assertValidationIncludes(
        root.post(USERS, json("username", name, "password", "secret-1", "role", "ADMIN")),
        "body",
        "role");
    assertNoUser(name);
  }

  @Test
  void role_that_is_not_a_string_is_a_422() {
    String name = uniqueName("nsr");
    String body = "{\"username\":\"" + name + "\",\"password\":\"secret-1\",\"role\":1}";
    assertValidationIncludes(root.post(USERS, body), "body", "role");
  }

  @Test
  void missing_username_and_password_are_reported_together_as_422() {
    ApiResponse response = root.post(USERS, "{}");
    assertValidationIncludes(response, "body", "username");
    assertValidationIncludes(response, "body", "password");
  }

  @Test
  void null_username_is_a_422() {
    assertValidationIncludes(
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
        alreadyExists(existing.username()));
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
    assertCreateRejected("abcd", NAME_LENGTH);
  }

  @Test
  void create_with_too_long_username_is_a_400() {
    assertCreateRejected("a".repeat(21), NAME_LENGTH);
  }

  @Test
  void username_length_counts_code_points() {
    // 4 code points, 6 UTF-16 units: too short.
    assertCreateRejected("ab\uD83D\uDE00\uD83D\uDE00", NAME_LENGTH);
    // 20 code points, 39 UTF-16 units: the length is fine, the characters are not.
    assertCreateRejected("a" + "\uD83D\uDE00".repeat(19), NAME_CHARACTERS);
  }

  @Test
  void create_with_username_starting_with_a_special_character_is_a_400() {
    assertCreateRejected("_abcde", NAME_START);
  }

  @Test
  void create_with_username_holding_a_forbidden_character_is_a_400() {
    assertCreateRejected("abc de", NAME_CHARACTERS);
    assertCreateRejected("abc$de", NAME_CHARACTERS);
    assertCreateRejected("abc\u00e9de", NAME_CHARACTERS);
  }

  @Test
  void create_with_consecutive_special_characters_is_a_400() {
    assertCreateRejected("ab..cd", NAME_CONSECUTIVE);
    assertCreateRejected("ab-_cd", NAME_CONSECUTIVE);
  }

  @Test
  void create_with_username_ending_with_a_special_character_is_a_400() {
    assertCreateRejected("abcde.", NAME_END);
  }

  @Test
  void username_rules_apply_in_order_first_failure_wins() {
    // Too short and starting with a special character: the length rule speaks first.
    assertCreateRejected("_ab", NAME_LENGTH);
    // Bad start and bad end: the start rule speaks first.
    assertCreateRejected("-abcde-", NAME_START);
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
    assertError(root.post(USERS, json("username", "ab", "password", "x")), 400, NAME_LENGTH);
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
    assertValidationIncludes(api.post(USERS, "{}"), "body", "username");
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
        Parallel.statuses(
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
}
