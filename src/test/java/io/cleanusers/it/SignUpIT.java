package io.cleanusers.it;

import static io.cleanusers.it.support.ContractTexts.ALREADY_AUTHENTICATED;
import static io.cleanusers.it.support.ContractTexts.CROSS_SITE;
import static io.cleanusers.it.support.ContractTexts.NAME_CHARACTERS;
import static io.cleanusers.it.support.ContractTexts.NAME_CONSECUTIVE;
import static io.cleanusers.it.support.ContractTexts.NAME_END;
import static io.cleanusers.it.support.ContractTexts.NAME_LENGTH;
import static io.cleanusers.it.support.ContractTexts.NAME_START;
import static io.cleanusers.it.support.ContractTexts.PASSWORD_TOO_LONG;
import static io.cleanusers.it.support.ContractTexts.alreadyExists;
import static io.cleanusers.it.support.ContractTexts.passwordTooShort;
import static io.cleanusers.it.support.ErrorAnswers.assertDetailsWellFormed;
import static io.cleanusers.it.support.ErrorAnswers.assertValidation;
import static io.cleanusers.it.support.ErrorAnswers.assertValidationAtBody;
import static io.cleanusers.it.support.Formats.UUID_V7;
import static io.cleanusers.it.support.Names.randomText;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Routes.LOGIN;
import static io.cleanusers.it.support.Routes.SIGNUP;
import static io.cleanusers.it.support.Rows.sessionsOf;
import static io.cleanusers.it.support.Rows.usersNamed;
import static io.cleanusers.it.support.Secrets.password;
import static io.cleanusers.it.support.Secrets.remember;
import static io.cleanusers.it.support.TestSettings.CONFIG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.support.AccountApiTest;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.Parallel;
import io.cleanusers.it.support.Secrets;
import io.cleanusers.it.support.TestDatabase;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing up (POST /api/v1/account/signup): success, the name and password rules, duplicates,
 * malformed bodies and the order of the checks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignUpIT extends AccountApiTest {

  // ------------------------------------- sign up (POST /api/v1/account/signup): success

  @Test
  void signup_is_201_with_a_lowercase_uuid_v7_and_stores_an_active_user() {
    String name = uniqueName("Signup");
    String password = password();
    ApiResponse response = signUp(api, name, password);

    assertEquals(201, response.status(), response.toString());
    String id = response.json().getString("id");
    assertTrue(UUID_V7.matcher(id).matches(), "not a lowercase canonical UUIDv7: " + id);
    assertEquals(Set.of("id"), response.json().keySet());
    assertEquals(
        "application/json;charset=UTF-8",
        response.header("Content-Type").orElseThrow().replace(" ", ""));
    assertEquals(
        1,
        TestDatabase.count(
            "select count(*) from users where id = ? and username = ?"
                + " and role = 'user' and is_active",
            UUID.fromString(id),
            name));
    String hash =
        (String)
            TestDatabase.value("select password_hash from users where id = ?", UUID.fromString(id))
                .orElseThrow();
    assertEquals(60, hash.length());
    assertTrue(hash.startsWith("$2a$") || hash.startsWith("$2b$"), "not bcrypt");
    assertFalse(hash.contains(password));
  }

  @Test
  void signup_does_not_log_in_nor_set_a_cookie() {
    String name = uniqueName("nocookie");
    ApiResponse response = signUp(api, name, password());

    assertEquals(201, response.status(), response.toString());
    assertTrue(response.setCookies().isEmpty(), response.setCookies().toString());
    assertEquals(0, sessionsOf(UUID.fromString(response.json().getString("id"))));
  }

  @Test
  void signup_ignores_unknown_keys_and_a_smuggled_role_still_makes_a_plain_user() {
    String name = uniqueName("smuggle");
    String body =
        Json.createObjectBuilder()
            .add("username", name)
            .add("password", password())
            .add("role", "super_admin")
            .add("is_active", false)
            .add("extra", 1)
            .build()
            .toString();
    ApiResponse response = api.post(SIGNUP, body);

    assertEquals(201, response.status(), response.toString());
    assertEquals(
        1,
        TestDatabase.count(
            "select count(*) from users where username = ? and role = 'user' and is_active", name));
  }

  @Test
  void signup_accepts_names_of_exactly_5_and_20_characters() {
    String five = uniqueName("").substring(0, 4) + "z";
    String twenty = "T" + randomText(19);
    assertEquals(201, signUp(api, five, password()).status(), five);
    assertEquals(201, signUp(api, twenty, password()).status(), twenty);
  }

  @Test
  void signup_accepts_a_password_of_exactly_1024_code_points_which_then_logs_in() {
    String name = uniqueName("longpw");
    String password = remember("\uD83D\uDD11".repeat(1000) + randomText(24)); // 1024 code points
    assertEquals(1024, password.codePointCount(0, password.length()));

    assertEquals(201, signUp(api, name, password).status());
    assertEquals(204, logIn(api, name, password).status());
  }

  // --------------------------------------------------------- sign up: username rules (400)

  @Test
  void username_shorter_than_5_is_400_length_first_failure_wins() {
    // "_a!." also breaks every later rule: the length message must win.
    assertSignupRefused("_a!.", NAME_LENGTH);
  }

  @Test
  void username_longer_than_20_is_400_length() {
    assertSignupRefused("a" + "b".repeat(20), NAME_LENGTH);
  }

  @Test
  void username_length_counts_code_points_not_utf16_units() {
    // 4 code points (6 UTF-16 units): too short, whatever the characters are.
    assertSignupRefused("a\uD83D\uDE00\uD83D\uDE00b", NAME_LENGTH);
    // 21 code points of which one is outside the BMP: still too long.
    assertSignupRefused("a".repeat(20) + "\uD83D\uDE00", NAME_LENGTH);
  }

  @Test
  void username_starting_with_a_special_character_is_400_start_message_before_later_rules() {
    // also has a '!', a ".." and ends with '.': the start rule must win.
    assertSignupRefused("_ali!ce..", NAME_START);
  }

  @Test
  void username_with_a_forbidden_character_is_400_characters_message_before_later_rules() {
    // also has ".." and ends with '_': the characters rule must win.
    assertSignupRefused("al!ce..x_", NAME_CHARACTERS);
    assertSignupRefused("alice bob", NAME_CHARACTERS);
    assertSignupRefused("al\u00e9ce", NAME_CHARACTERS);
  }

  @Test
  void username_with_consecutive_special_characters_is_400_consecutive_message_before_end_rule() {
    assertSignupRefused("alice..bob_", NAME_CONSECUTIVE);
    assertSignupRefused("alice-_bob", NAME_CONSECUTIVE);
  }

  @Test
  void username_ending_with_a_special_character_is_400_end_message() {
    assertSignupRefused("alice.bob_", NAME_END);
  }

  // --------------------------------------------------------- sign up: password rules (400)

  @Test
  void password_shorter_than_the_minimum_is_400() {
    int min = CONFIG.password().minLength();
    String name = uniqueName("shortpw");
    ApiResponse response = signUp(api, name, "x".repeat(min - 1));

    assertEquals(400, response.status(), response.toString());
    assertEquals(passwordTooShort(min), response.description());
    assertEquals(Set.of("description"), response.json().keySet());
    assertEquals(0, usersNamed(name));
  }

  @Test
  void password_length_counts_code_points_not_utf16_units() {
    int min = CONFIG.password().minLength();
    String name = uniqueName("cppw");
    // min - 1 code points, 2 * (min - 1) UTF-16 units.
    ApiResponse response = signUp(api, name, "\uD83D\uDD11".repeat(min - 1));

    assertEquals(400, response.status(), response.toString());
    assertEquals(passwordTooShort(min), response.description());
  }

  @Test
  void password_longer_than_1024_is_400_with_the_max_message() {
    String name = uniqueName("hugepw");
    ApiResponse response = signUp(api, name, remember(randomText(1025)));

    assertEquals(400, response.status(), response.toString());
    assertEquals(PASSWORD_TOO_LONG, response.description());
    assertEquals(0, usersNamed(name));
  }

  @Test
  void username_rules_are_checked_before_password_rules() {
    ApiResponse response = signUp(api, "ab", "x");
    assertEquals(400, response.status());
    assertEquals(NAME_LENGTH, response.description());
  }

  // ---------------------------------------------------------------- sign up: duplicates

  @Test
  void signup_with_a_taken_name_is_409() {
    String name = uniqueName("dup");
    assertEquals(201, signUp(api, name, password()).status());

    ApiResponse again = signUp(api, name, password());
    assertEquals(409, again.status(), again.toString());
    assertEquals(alreadyExists(name), again.description());
    assertEquals(1, usersNamed(name));
  }

  @Test
  void signup_with_a_name_taken_in_another_letter_case_is_409() {
    String name = uniqueName("CaseDup");
    assertEquals(201, signUp(api, name, password()).status());

    String other = name.toUpperCase(Locale.ROOT);
    ApiResponse again = signUp(api, other, password());
    assertEquals(409, again.status(), again.toString());
    assertEquals(alreadyExists(other), again.description());
    assertEquals(1, usersNamed(name));
  }

  @Test
  void thirty_parallel_signups_of_one_name_give_exactly_one_201_and_409s_and_no_5xx()
      throws Exception {
    String name = uniqueName("race");
    int requests = 30;
    List<String> passwords = Stream.generate(Secrets::password).limit(requests).toList();
    List<ApiResponse> responses =
        Parallel.responses(
            requests, Duration.ofSeconds(60), i -> signUp(api, name, passwords.get(i)));
    Map<Integer, Long> statuses =
        responses.stream()
            .collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
    assertEquals(Map.of(201, 1L, 409, (long) requests - 1), statuses, responses.toString());
    responses.stream()
        .filter(r -> r.status() == 409)
        .forEach(r -> assertEquals(alreadyExists(name), r.description()));
    assertEquals(1, usersNamed(name));
  }

  // ------------------------------------------------------------ 422: structural problems

  @Test
  void signup_with_a_missing_field_is_422_naming_it() {
    ApiResponse response = api.post(SIGNUP, "{\"username\":\"" + uniqueName("miss") + "\"}");
    assertValidation(response, List.of(List.of("body", "password")));
  }

  @Test
  void signup_with_an_empty_object_is_422_listing_both_fields_at_once() {
    assertValidation(
        api.post(SIGNUP, "{}"), List.of(List.of("body", "username"), List.of("body", "password")));
  }

  @Test
  void signup_with_a_null_field_is_422_like_a_missing_one() {
    ApiResponse response = api.post(SIGNUP, "{\"username\":null,\"password\":\"secret-123\"}");
    assertValidation(response, List.of(List.of("body", "username")));
  }

  @Test
  void signup_with_wrong_json_types_is_422_listing_every_field() {
    ApiResponse response = api.post(SIGNUP, "{\"username\":42,\"password\":[\"a\"]}");
    assertValidation(response, List.of(List.of("body", "username"), List.of("body", "password")));
  }

  @Test
  void signup_with_a_wrong_type_and_a_missing_field_is_422_listing_both() {
    ApiResponse response = api.post(SIGNUP, "{\"username\":true}");
    assertValidation(response, List.of(List.of("body", "username"), List.of("body", "password")));
  }

  @Test
  void signup_with_malformed_json_is_422_at_body() {
    ApiResponse response = api.post(SIGNUP, "{\"username\": \"alice\", ");
    assertValidationAtBody(response);
  }

  @Test
  void signup_with_an_array_body_is_422_at_body() {
    ApiResponse response = api.post(SIGNUP, "[\"alice.smith\", \"secret-123\"]");
    assertValidationAtBody(response);
  }

  @Test
  void signup_with_an_empty_json_body_is_422() {
    ApiResponse response = api.post(SIGNUP, "");
    assertEquals(422, response.status(), response.toString());
    assertDetailsWellFormed(response);
  }

  @Test
  void login_with_a_missing_field_is_422_naming_it() {
    assertValidation(
        api.post(LOGIN, "{\"password\":\"secret-123\"}"), List.of(List.of("body", "username")));
  }

  @Test
  void login_with_malformed_json_is_422_at_body() {
    assertValidationAtBody(api.post(LOGIN, "{username: alice}"));
  }

  // --------------------------------------------------------------- order of the checks

  @Test
  void signup_while_logged_in_is_403_already_authenticated_and_creates_nothing() {
    Account account = newAccount("signedin");
    String other = uniqueName("second");
    ApiResponse response = signUp(api.withToken(account.token()), other, password());

    assertEquals(403, response.status(), response.toString());
    assertEquals(ALREADY_AUTHENTICATED, response.description());
    assertEquals(0, usersNamed(other));
  }

  @Test
  void signup_while_logged_in_is_403_even_with_a_malformed_username() {
    Account account = newAccount("order403");
    ApiResponse response = signUp(api.withToken(account.token()), "_bad", "x");
    assertEquals(403, response.status(), response.toString());
    assertEquals(ALREADY_AUTHENTICATED, response.description());
  }

  @Test
  void signup_with_a_broken_body_while_logged_in_is_422_not_403() {
    Account account = newAccount("order422");
    ApiResponse response = api.withToken(account.token()).post(SIGNUP, "{\"username\":1}");
    assertEquals(422, response.status(), response.toString());
  }

  @Test
  void login_while_logged_in_is_403_already_authenticated_without_a_new_session() {
    Account account = newAccount("relogin");
    ApiResponse response =
        logIn(api.withToken(account.token()), account.name(), account.password());

    assertEquals(403, response.status(), response.toString());
    assertEquals(ALREADY_AUTHENTICATED, response.description());
    assertEquals(1, sessionsOf(account.id()));
  }

  @Test
  void login_while_logged_in_is_403_even_with_a_malformed_username_and_password() {
    Account account = newAccount("order403l");
    ApiResponse response = logIn(api.withToken(account.token()), "bad..", "x");
    assertEquals(403, response.status(), response.toString());
    assertEquals(ALREADY_AUTHENTICATED, response.description());
  }

  @Test
  void cross_site_refusal_comes_before_body_validation() {
    ApiResponse response = api.withHeader("Sec-Fetch-Site", "cross-site").post(SIGNUP, "[1,");
    assertEquals(403, response.status(), response.toString());
    assertEquals(CROSS_SITE, response.description());
  }
}
