package io.cleanusers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.cleanusers.infrastructure.config.ServiceConfig;
import io.cleanusers.infrastructure.config.Settings;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account context over HTTP (SPEC §2-§5, issue 3): R3 sign-up, R4 log-in, R5 log-out, sessions,
 * their tokens and cookie, renewal and expiry, brute-force lockout and the cross-site refusal. One
 * deployment for the whole class; every test makes its own users (random names), so the tests
 * depend neither on each other nor on their order. The only ordering is that the log check runs
 * last, so that it sees as much activity as possible; it does its own sign-up and log-in and passes
 * or fails on its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountIT {

  private static final String SIGNUP = "/api/v1/account/signup";
  private static final String LOGIN = "/api/v1/account/login";
  private static final String LOGOUT = "/api/v1/account/logout";

  private static final String ALREADY_AUTHENTICATED =
      "You are already authenticated. Consider logging out.";
  private static final String INVALID_CREDENTIALS = "Invalid username or password.";
  private static final String INACTIVE = "Your account is inactive. Please contact support.";
  private static final String NOT_AUTHENTICATED = "Not authenticated.";
  private static final String LOCKED = "Too many failed login attempts. Try again later.";
  private static final String CROSS_SITE = "Cross-site request refused.";
  private static final String MAX_PASSWORD = "Password must be at most 1024 characters long.";

  private static final String NAME_LENGTH = "Username must be between 5 and 20 characters.";
  private static final String NAME_START =
      "Username must start with a letter (A-Z, a-z) or a digit (0-9).";
  private static final String NAME_CHARACTERS =
      "Username can only contain letters (A-Z, a-z),"
          + " digits (0-9), dots (.), hyphens (-), and underscores (_).";
  private static final String NAME_CONSECUTIVE =
      "Username cannot contain consecutive special characters like .., --, or __.";
  private static final String NAME_END =
      "Username must end with a letter (A-Z, a-z) or a digit (0-9).";

  /** The settings the tests read as the service does (the shipped config.toml). */
  private static final Settings CONFIG =
      ServiceConfig.loadSettings(AccountIT.class.getClassLoader());

  /** Settings the deployed WAR gets from the failsafe configuration (see pom.xml). */
  private static final int MAX_FAILURES = Integer.getInteger("it.login.max-failures", 5);

  private static final int LOCKOUT_SECONDS = Integer.getInteger("it.login.lockout-seconds", 2);
  private static final String SUPER_ADMIN = System.getProperty("it.superadmin.username");
  private static final String SUPER_ADMIN_PASSWORD = System.getProperty("it.superadmin.password");

  /** Session TTL and renewal threshold: the defaults (5 minutes, 0.2). */
  private static final long TTL_SECONDS = CONFIG.session().ttl().toSeconds();

  private static final String UUID_V7 =
      "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Every password and token that went over the wire: none may reach the server log. */
  private static final Set<String> PASSWORDS = ConcurrentHashMap.newKeySet();

  private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL deployed;
  URI base;
  ApiClient api;

  @BeforeEach
  void client() {
    base = Deployments.loopback(deployed);
    api = new ApiClient(base);
  }

  // ---------------------------------------------------------------- R3 sign-up: success

  @Test
  void signup_is_201_with_a_lowercase_uuid_v7_and_stores_an_active_user() {
    String name = uniqueName("Signup");
    String password = password();
    ApiResponse response = signUp(api, name, password);

    assertEquals(201, response.status(), response.toString());
    String id = response.json().getString("id");
    assertTrue(id.matches(UUID_V7), "not a lowercase canonical UUIDv7: " + id);
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

  // ------------------------------------------------------ R3 sign-up: username rules (400)

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

  // ------------------------------------------------------ R3 sign-up: password rules (400)

  @Test
  void password_shorter_than_the_minimum_is_400() {
    int min = CONFIG.password().minLength();
    String name = uniqueName("shortpw");
    ApiResponse response = signUp(api, name, "x".repeat(min - 1));

    assertEquals(400, response.status(), response.toString());
    assertEquals("Password must be at least " + min + " characters long.", response.description());
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
    assertEquals("Password must be at least " + min + " characters long.", response.description());
  }

  @Test
  void password_longer_than_1024_is_400_with_the_max_message() {
    String name = uniqueName("hugepw");
    ApiResponse response = signUp(api, name, remember(randomText(1025)));

    assertEquals(400, response.status(), response.toString());
    assertEquals(MAX_PASSWORD, response.description());
    assertEquals(0, usersNamed(name));
  }

  @Test
  void username_rules_are_checked_before_password_rules() {
    ApiResponse response = signUp(api, "ab", "x");
    assertEquals(400, response.status());
    assertEquals(NAME_LENGTH, response.description());
  }

  // ------------------------------------------------------------- R3 sign-up: duplicates

  @Test
  void signup_with_a_taken_name_is_409() {
    String name = uniqueName("dup");
    assertEquals(201, signUp(api, name, password()).status());

    ApiResponse again = signUp(api, name, password());
    assertEquals(409, again.status(), again.toString());
    assertEquals("User with username '" + name + "' already exists.", again.description());
    assertEquals(1, usersNamed(name));
  }

  @Test
  void signup_with_a_name_taken_in_another_letter_case_is_409() {
    String name = uniqueName("CaseDup");
    assertEquals(201, signUp(api, name, password()).status());

    String other = name.toUpperCase(Locale.ROOT);
    ApiResponse again = signUp(api, other, password());
    assertEquals(409, again.status(), again.toString());
    assertEquals("User with username '" + other + "' already exists.", again.description());
    assertEquals(
        1, TestDatabase.count("select count(*) from users where lower(username) = lower(?)", name));
  }

  @Test
  void thirty_parallel_signups_of_one_name_give_exactly_one_201_and_409s_and_no_5xx()
      throws Exception {
    String name = uniqueName("race");
    int requests = 30;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApiResponse>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        String password = password();
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return signUp(api, name, password);
                }));
      }
      start.countDown();
      List<ApiResponse> responses = new ArrayList<>();
      for (Future<ApiResponse> future : futures) {
        responses.add(future.get(60, TimeUnit.SECONDS));
      }
      Map<Integer, Long> statuses =
          responses.stream()
              .collect(Collectors.groupingBy(ApiResponse::status, Collectors.counting()));
      assertEquals(Map.of(201, 1L, 409, (long) requests - 1), statuses, responses.toString());
      responses.stream()
          .filter(r -> r.status() == 409)
          .forEach(
              r ->
                  assertEquals(
                      "User with username '" + name + "' already exists.", r.description()));
    } finally {
      pool.shutdownNow();
    }
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

  // ------------------------------------------------------------------ R4 log-in: success

  @Test
  void login_is_204_and_sets_the_access_token_cookie_with_exactly_path_httponly_samesite_lax() {
    Account account = newAccount("login");
    ApiResponse response = logIn(api, account.name(), account.password());

    assertEquals(204, response.status(), response.toString());
    assertTrue(response.body().isEmpty());
    List<String> cookies = response.setCookies();
    assertEquals(1, cookies.size(), cookies.toString());
    CookieLine cookie = CookieLine.parse(cookies.get(0));
    assertEquals("access_token", cookie.name());
    assertFalse(cookie.value().isEmpty());
    assertEquals(
        Map.of("path", "/", "httponly", "", "samesite", "Lax"),
        cookie.attributes(),
        "attributes of " + cookies.get(0));
    assertFalse(cookie.attributes().containsKey("secure"));
  }

  @Test
  void login_opens_a_session_row_expiring_after_the_ttl() {
    Account account = newAccount("sessrow");
    assertEquals(1, sessionsOf(account.id()));
    String sessionId = sessionIdOf(account.token());
    double left = secondsLeft(sessionId);
    assertTrue(left > TTL_SECONDS - 30 && left <= TTL_SECONDS + 5, "seconds left: " + left);
  }

  @Test
  void login_token_is_an_hs256_jwt_carrying_only_the_session_id_and_exp() throws Exception {
    Account account = newAccount("jwt");
    SignedJWT jwt = SignedJWT.parse(account.token());

    assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
    Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
    assertEquals(2, claims.size(), claims.toString());
    assertTrue(claims.containsKey("exp"), claims.toString());
    String sessionId = sessionIdOf(account.token());
    assertEquals(
        1,
        TestDatabase.count(
            "select count(*) from auth_sessions where id = ? and user_id = ?",
            sessionId,
            account.id()));
    // At least 256 random bits: 43 characters of base64url or 64 of hex.
    assertTrue(sessionId.length() >= 43, "session id too short: " + sessionId.length());
    long exp = jwt.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond();
    long now = Instant.now().getEpochSecond();
    assertTrue(Math.abs(exp - (now + TTL_SECONDS)) < 30, "exp " + exp + " vs now " + now);
  }

  @Test
  void login_matches_the_username_regardless_of_letter_case() {
    Account account = newAccount("MixedCase");
    for (String variant :
        List.of(account.name().toLowerCase(Locale.ROOT), account.name().toUpperCase(Locale.ROOT))) {
      ApiResponse response = logIn(api, variant, account.password());
      assertEquals(204, response.status(), variant + ": " + response);
      assertTrue(response.sessionCookie().isPresent());
    }
  }

  @Test
  void two_logins_open_two_independent_sessions() {
    Account account = newAccount("twice");
    String second = loggedIn(account.name(), account.password());
    assertNotEquals(account.token(), second);
    assertEquals(2, sessionsOf(account.id()));
  }

  @Test
  void the_bootstrap_super_admin_can_log_in() {
    ApiResponse response = logIn(api, SUPER_ADMIN, remember(SUPER_ADMIN_PASSWORD));
    assertEquals(204, response.status(), response.toString());
    assertEquals(
        1,
        TestDatabase.count(
            "select count(*) from users where lower(username) ="
                + " lower(?) and role = 'super_admin' and is_active",
            SUPER_ADMIN));
    assertEquals(204, logOut(api.withToken(response.token())).status());
  }

  // ------------------------------------------------------------------ R4 log-in: refusals

  @Test
  void login_with_wrong_password_is_401_with_the_shared_message() {
    Account account = newAccount("wrongpw");
    ApiResponse response = logIn(api, account.name(), password());

    assertEquals(401, response.status(), response.toString());
    assertEquals(INVALID_CREDENTIALS, response.description());
    assertTrue(response.sessionCookie().isEmpty());
    assertEquals(1, sessionsOf(account.id()));
  }

  @Test
  void logins_and_signups_are_counted_on_the_metrics_endpoint() {
    double failuresBefore = metric("logins_total", "outcome=\"bad_credentials\"");
    double signupsBefore = metric("signups_total", "");
    Account account = newAccount("metric");
    logIn(api, account.name(), password());

    assertEquals(failuresBefore + 1, metric("logins_total", "outcome=\"bad_credentials\""));
    assertEquals(signupsBefore + 1, metric("signups_total", ""));
    assertTrue(api.get("/metrics").body().contains("password_hashing"));
  }

  /** A counter's value in the Prometheus text of /metrics (0 when not there yet). */
  private double metric(String name, String label) {
    return api.get("/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(name + "{") && line.contains(label))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void login_with_an_unknown_username_is_401_with_the_same_body_as_a_wrong_password() {
    Account account = newAccount("known");
    ApiResponse wrongPassword = logIn(api, account.name(), password());
    ApiResponse unknownUser = logIn(api, uniqueName("ghost"), password());

    assertEquals(401, unknownUser.status(), unknownUser.toString());
    assertEquals(INVALID_CREDENTIALS, unknownUser.description());
    assertEquals(wrongPassword.body(), unknownUser.body());
    assertEquals(wrongPassword.header("Content-Type"), unknownUser.header("Content-Type"));
    assertTrue(unknownUser.sessionCookie().isEmpty());
  }

  @Test
  void login_of_an_inactive_user_is_401_inactive_and_opens_no_session() {
    Account account = newAccount("inactive");
    deactivate(account.id());
    ApiResponse response = logIn(api, account.name(), account.password());

    assertEquals(401, response.status(), response.toString());
    assertEquals(INACTIVE, response.description());
    assertTrue(response.sessionCookie().isEmpty());
    assertEquals(1, sessionsOf(account.id()), "only the session from before remains");
  }

  @Test
  void login_of_an_inactive_user_with_a_wrong_password_is_the_shared_401() {
    Account account = newAccount("inactwp");
    deactivate(account.id());
    ApiResponse response = logIn(api, account.name(), password());
    assertEquals(401, response.status(), response.toString());
    assertEquals(INVALID_CREDENTIALS, response.description());
  }

  @Test
  void login_with_a_malformed_username_is_400_with_the_rule_message() {
    ApiResponse response = logIn(api, "bad..name", password());
    assertEquals(400, response.status(), response.toString());
    assertEquals(NAME_CONSECUTIVE, response.description());
  }

  @Test
  void login_with_a_too_short_password_is_400() {
    int min = CONFIG.password().minLength();
    Account account = newAccount("loginshort");
    ApiResponse response = logIn(api, account.name(), "x".repeat(min - 1));
    assertEquals(400, response.status(), response.toString());
    assertEquals("Password must be at least " + min + " characters long.", response.description());
  }

  // ------------------------------------------------------------------------ R5 log-out

  @Test
  void logout_is_204_and_clears_the_cookie_with_an_empty_value_and_max_age_0() {
    Account account = newAccount("logout");
    ApiResponse response = logOut(api.withToken(account.token()));

    assertEquals(204, response.status(), response.toString());
    assertTrue(response.body().isEmpty());
    List<String> cookies = response.setCookies();
    assertEquals(1, cookies.size(), cookies.toString());
    CookieLine cookie = CookieLine.parse(cookies.get(0));
    assertEquals("access_token", cookie.name());
    assertEquals("", cookie.value());
    assertEquals("0", cookie.attributes().get("max-age"), cookies.get(0));
    assertEquals("/", cookie.attributes().get("path"), cookies.get(0));
    assertTrue(cookie.attributes().containsKey("httponly"), cookies.get(0));
    assertEquals("Lax", cookie.attributes().get("samesite"), cookies.get(0));
  }

  @Test
  void logout_deletes_only_the_current_session_and_a_second_session_keeps_working() {
    Account account = newAccount("twosess");
    String second = loggedIn(account.name(), account.password());
    String firstId = sessionIdOf(account.token());
    String secondId = sessionIdOf(second);

    assertEquals(204, logOut(api.withToken(account.token())).status());
    String byId = "select count(*) from auth_sessions where id = ?";
    assertEquals(0, TestDatabase.count(byId, firstId));
    assertEquals(1, TestDatabase.count(byId, secondId));
    assertAuthenticated(second);
    assertEquals(204, logOut(api.withToken(second)).status());
    assertEquals(0, sessionsOf(account.id()));
  }

  @Test
  void a_token_after_logout_is_401_not_authenticated() {
    Account account = newAccount("afterout");
    assertEquals(204, logOut(api.withToken(account.token())).status());
    assertNotAuthenticated(account.token());
  }

  @Test
  void after_logout_the_same_client_can_sign_up_and_log_in_again() {
    Account account = newAccount("outagain");
    assertEquals(204, logOut(api.withToken(account.token())).status());
    // the revoked cookie no longer makes the caller "already authenticated"
    ApiResponse again = logIn(api.withToken(account.token()), account.name(), account.password());
    assertEquals(204, again.status(), again.toString());
    assertEquals(
        201, signUp(api.withToken(account.token()), uniqueName("after"), password()).status());
  }

  // --------------------------------------------------------- tokens that must be refused

  @Test
  void logout_without_a_cookie_is_401_not_authenticated() {
    ApiResponse response = logOut(api);
    assertEquals(401, response.status(), response.toString());
    assertEquals(NOT_AUTHENTICATED, response.description());
  }

  @Test
  void logout_with_an_empty_cookie_is_401_not_authenticated() {
    assertNotAuthenticated("");
  }

  @Test
  void logout_with_a_garbage_token_is_401_not_authenticated() {
    assertNotAuthenticated("not-a-jwt");
    assertNotAuthenticated("a.b.c");
  }

  @Test
  void a_valid_token_in_an_authorization_header_does_not_authenticate() {
    Account account = newAccount("bearer");
    ApiResponse response = logOut(api.withHeader("Authorization", "Bearer " + account.token()));
    assertEquals(401, response.status(), response.toString());
    assertEquals(NOT_AUTHENTICATED, response.description());
    assertAuthenticated(account.token());
  }

  @Test
  void a_token_self_signed_with_the_configured_secret_authenticates_control_case() {
    // Proves the forging helper is right, so the refusals below are refusals of their flaw.
    Account account = newAccount("control");
    String forged =
        forge(
            JWSAlgorithm.HS256,
            jwtSecret(),
            account.token(),
            Instant.now().plusSeconds(TTL_SECONDS));
    assertAuthenticated(forged);
  }

  @Test
  void a_token_with_an_altered_payload_is_401_and_the_genuine_token_still_works() {
    Account account = newAccount("altpay");
    String[] parts = account.token().split("\\.");
    JsonObject payload =
        Json.createReader(
                new java.io.StringReader(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))
            .readObject();
    JsonObject longer =
        Json.createObjectBuilder(payload)
            .add("exp", payload.getJsonNumber("exp").longValue() + 86_400)
            .build();
    String altered = parts[0] + "." + base64Url(longer.toString()) + "." + parts[2];

    assertNotAuthenticated(altered);
    assertAuthenticated(account.token());
  }

  @Test
  void a_token_with_an_altered_signature_is_401_and_the_genuine_token_still_works() {
    Account account = newAccount("altsig");
    String token = account.token();
    int dot = token.lastIndexOf('.');
    int at = dot + 10; // a character in the middle of the signature, not the last one
    char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
    String altered = token.substring(0, at) + replacement + token.substring(at + 1);

    assertNotAuthenticated(altered);
    assertAuthenticated(token);
  }

  @Test
  void an_unsigned_alg_none_token_is_401() {
    Account account = newAccount("algnone");
    JWTClaimsSet claims = claimsFor(account.token(), Instant.now().plusSeconds(TTL_SECONDS));
    String none = new PlainJWT(claims).serialize();
    assertTrue(none.endsWith("."));

    assertNotAuthenticated(none);
    // also with a signature part glued on from the genuine token
    String token = account.token();
    assertNotAuthenticated((none + token.substring(token.lastIndexOf('.') + 1)));
    assertAuthenticated(token);
  }

  @Test
  void a_token_signed_with_another_key_is_401() {
    Account account = newAccount("otherkey");
    String forged =
        forge(
            JWSAlgorithm.HS256,
            "another-secret-that-is-long-enough-for-hs256-and-not-the-real-one",
            account.token(),
            Instant.now().plusSeconds(TTL_SECONDS));
    assertNotAuthenticated(forged);
    assertAuthenticated(account.token());
  }

  @Test
  void a_token_signed_with_the_right_key_under_another_hmac_algorithm_is_401() {
    Account account = newAccount("otheralg");
    Instant exp = Instant.now().plusSeconds(TTL_SECONDS);
    assertNotAuthenticated(forge(JWSAlgorithm.HS512, jwtSecret(), account.token(), exp));
    assertNotAuthenticated(forge(JWSAlgorithm.HS384, jwtSecret(), account.token(), exp));
    assertAuthenticated(account.token());
  }

  @Test
  void a_genuinely_signed_token_with_an_expired_exp_is_401_though_its_session_is_alive() {
    Account account = newAccount("expexp");
    String expired =
        forge(JWSAlgorithm.HS256, jwtSecret(), account.token(), Instant.now().minusSeconds(60));
    assertNotAuthenticated(expired);
    assertAuthenticated(account.token());
  }

  @Test
  void a_genuinely_signed_token_for_an_unknown_session_is_401() {
    Account account = newAccount("nosess");
    String sessionClaim = sessionClaimName(account.token());
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .claim(sessionClaim, randomText(43))
            .expirationTime(Date.from(Instant.now().plusSeconds(TTL_SECONDS)))
            .build();
    assertNotAuthenticated(sign(JWSAlgorithm.HS256, jwtSecret(), claims));
  }

  @Test
  void a_valid_token_of_a_user_made_inactive_is_401_and_all_their_sessions_are_deleted() {
    Account account = newAccount("goneinact");
    loggedIn(account.name(), account.password());
    assertEquals(2, sessionsOf(account.id()));
    deactivate(account.id());

    assertNotAuthenticated(account.token());
    assertEquals(0, sessionsOf(account.id()));
  }

  @Test
  void a_valid_token_of_a_deleted_user_is_401() {
    Account account = newAccount("deleted");
    TestDatabase.update("delete from users where id = ?", account.id());
    assertNotAuthenticated(account.token());
  }

  // ---------------------------------------------------------------- renewal and expiry

  @Test
  void a_session_near_its_end_is_renewed_to_a_full_ttl_with_a_new_cookie() throws Exception {
    Account account = newAccount("renew");
    String sessionId = sessionIdOf(account.token());
    TestDatabase.update(
        "update auth_sessions set expiration = now() + interval '30 seconds' where id = ?",
        sessionId);

    // Log-in authenticates the caller first and refuses with 403; it destroys nothing.
    ApiResponse response =
        logIn(api.withToken(account.token()), account.name(), account.password());
    assertEquals(403, response.status(), response.toString());
    assertEquals(ALREADY_AUTHENTICATED, response.description());

    CookieLine cookie =
        CookieLine.parse(
            response
                .sessionCookie()
                .orElseThrow(
                    () -> new AssertionError("no renewed cookie on " + response.raw().headers())));
    assertEquals(Map.of("path", "/", "httponly", "", "samesite", "Lax"), cookie.attributes());
    // (the new token may equal the old one when both expiries fall in the same second)
    String renewed = response.token();

    double left = secondsLeft(sessionId);
    assertTrue(left > TTL_SECONDS - 30 && left <= TTL_SECONDS + 5, "seconds left: " + left);
    assertEquals(1, sessionsOf(account.id()), "renewal extends the session, it opens none");
    long exp =
        SignedJWT.parse(renewed).getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond();
    long now = Instant.now().getEpochSecond();
    assertTrue(Math.abs(exp - (now + TTL_SECONDS)) < 30, "exp " + exp + " vs now " + now);
    assertEquals(204, logOut(api.withToken(renewed)).status());
  }

  @Test
  void a_session_with_more_than_the_threshold_left_is_not_renewed() {
    Account account = newAccount("norenew");
    String sessionId = sessionIdOf(account.token());
    // threshold 0.2 x 5 min = 60 s; 120 s left is above it
    TestDatabase.update(
        "update auth_sessions set expiration = now() + interval '120 seconds' where id = ?",
        sessionId);

    ApiResponse response =
        logIn(api.withToken(account.token()), account.name(), account.password());
    assertEquals(403, response.status(), response.toString());
    assertTrue(response.sessionCookie().isEmpty(), response.setCookies().toString());
    double left = secondsLeft(sessionId);
    assertTrue(left > 100 && left <= 120, "seconds left: " + left);
  }

  @Test
  void an_expired_session_row_no_longer_authenticates_and_is_never_renewed() {
    Account account = newAccount("expired");
    String sessionId = sessionIdOf(account.token());
    TestDatabase.update(
        "update auth_sessions set expiration = now() - interval '1 second' where id = ?",
        sessionId);

    // not "already authenticated": the caller is anonymous again and may log in
    ApiResponse response =
        logIn(api.withToken(account.token()), account.name(), account.password());
    assertEquals(204, response.status(), response.toString());
    assertNotEquals(sessionId, sessionIdOf(response.token()));
    assertEquals(
        0,
        TestDatabase.count(
            "select count(*) from auth_sessions where id = ? and expiration > now()", sessionId));
    assertNotAuthenticated(account.token());
    assertAuthenticated(response.token());
  }

  // ------------------------------------------------------------------ brute-force lockout

  @Test
  void login_is_locked_with_429_and_retry_after_after_max_failures() {
    Account account = newAccount("lock");
    failLogins(account.name(), MAX_FAILURES);

    ApiResponse locked = logIn(api, account.name(), password());
    assertLocked(locked, 1, LOCKOUT_SECONDS);
    // the rules (400) still come before the lockout
    ApiResponse malformed = logIn(api, account.name(), "x");
    assertEquals(400, malformed.status(), malformed.toString());
  }

  @Test
  void the_right_password_is_refused_with_429_while_the_name_is_locked() {
    Account account = newAccount("lockright");
    failLogins(account.name(), MAX_FAILURES);

    ApiResponse locked = logIn(api, account.name(), account.password());
    assertLocked(locked, 1, LOCKOUT_SECONDS);
    assertEquals(1, sessionsOf(account.id()));
  }

  @Test
  void failures_count_regardless_of_letter_case_and_the_lock_covers_every_case() {
    Account account = newAccount("LockCase");
    String lower = account.name().toLowerCase(Locale.ROOT);
    String upper = account.name().toUpperCase(Locale.ROOT);
    for (int i = 0; i < MAX_FAILURES; i++) {
      ApiResponse failed = logIn(api, i % 2 == 0 ? lower : upper, password());
      assertEquals(401, failed.status(), "attempt " + (i + 1) + ": " + failed);
    }
    assertLocked(logIn(api, account.name(), account.password()), 1, LOCKOUT_SECONDS);
    assertLocked(logIn(api, upper, password()), 1, LOCKOUT_SECONDS);
  }

  @Test
  void an_unknown_name_is_locked_just_like_an_existing_one() {
    Account account = newAccount("lockknown");
    failLogins(account.name(), MAX_FAILURES);
    ApiResponse existing = logIn(api, account.name(), password());

    String ghost = uniqueName("lockghost");
    failLogins(ghost, MAX_FAILURES);
    ApiResponse unknown = logIn(api, ghost.toUpperCase(Locale.ROOT), password());

    assertLocked(unknown, 1, LOCKOUT_SECONDS);
    assertEquals(existing.body(), unknown.body());
  }

  @Test
  void after_the_lockout_the_right_password_logs_in_and_the_lockout_history_is_forgotten()
      throws InterruptedException {
    Account account = newAccount("unlock");
    failLogins(account.name(), MAX_FAILURES);
    assertLocked(logIn(api, account.name(), password()), 1, LOCKOUT_SECONDS);

    Thread.sleep(LOCKOUT_SECONDS * 1000L + 500);
    ApiResponse success = logIn(api, account.name(), account.password());
    assertEquals(204, success.status(), success.toString());

    // The success reset everything: the next lockout is a first one again (not doubled).
    failLogins(account.name(), MAX_FAILURES);
    assertLocked(logIn(api, account.name(), password()), 1, LOCKOUT_SECONDS);
  }

  @Test
  void a_successful_login_resets_the_consecutive_failure_count() {
    Account account = newAccount("reset");
    failLogins(account.name(), MAX_FAILURES - 1);
    assertEquals(204, logIn(api, account.name(), account.password()).status());
    failLogins(account.name(), MAX_FAILURES - 1);
    ApiResponse response = logIn(api, account.name(), account.password());
    assertEquals(204, response.status(), response.toString());
  }

  @Test
  void a_further_lockout_lasts_twice_as_long() throws InterruptedException {
    Account account = newAccount("doubling");
    failLogins(account.name(), MAX_FAILURES);
    assertLocked(logIn(api, account.name(), password()), 1, LOCKOUT_SECONDS);

    Thread.sleep(LOCKOUT_SECONDS * 1000L + 500);
    ApiResponse response = null;
    for (int i = 0; i <= MAX_FAILURES; i++) {
      response = logIn(api, account.name(), password());
      if (response.status() == 429) {
        break;
      }
      assertEquals(401, response.status(), response.toString());
    }
    assertLocked(response, 2L * LOCKOUT_SECONDS - 1, 2L * LOCKOUT_SECONDS);
  }

  @Test
  void malformed_names_and_passwords_are_400_and_do_not_count_towards_the_lockout() {
    Account account = newAccount("nocount");
    int min = CONFIG.password().minLength();
    for (int i = 0; i < MAX_FAILURES * 2; i++) {
      ApiResponse shortPassword = logIn(api, account.name(), "x".repeat(min - 1));
      assertEquals(400, shortPassword.status(), shortPassword.toString());
      ApiResponse longPassword = logIn(api, account.name(), "y".repeat(1025));
      assertEquals(400, longPassword.status(), longPassword.toString());
      ApiResponse badName = logIn(api, account.name() + "!", password());
      assertEquals(400, badName.status(), badName.toString());
    }
    ApiResponse response = logIn(api, account.name(), account.password());
    assertEquals(204, response.status(), response.toString());
  }

  // ------------------------------------------------------------------------------- CSRF

  @Test
  void signup_marked_cross_site_by_sec_fetch_site_is_403_and_creates_nothing() {
    assertCrossSiteSignupRefused(api.withHeader("Sec-Fetch-Site", "cross-site"));
  }

  @Test
  void signup_from_a_foreign_origin_is_403_and_creates_nothing() {
    assertCrossSiteSignupRefused(api.withHeader("Origin", "http://evil.example"));
  }

  private void assertCrossSiteSignupRefused(ApiClient crossSite) {
    String name = uniqueName("xsite");
    ApiResponse response = signUp(crossSite, name, password());
    assertEquals(403, response.status(), response.toString());
    assertEquals(CROSS_SITE, response.description());
    assertEquals(0, usersNamed(name));
  }

  @Test
  void signup_from_the_services_own_origin_is_allowed() {
    String name = uniqueName("sameorig");
    ApiResponse response =
        signUp(
            api.withHeader("Origin", ownOrigin()).withHeader("Sec-Fetch-Site", "same-origin"),
            name,
            password());
    assertEquals(201, response.status(), response.toString());
  }

  @Test
  void login_from_a_foreign_origin_is_403_without_a_cookie() {
    Account account = newAccount("evillogin");
    ApiResponse response =
        logIn(api.withHeader("Origin", "http://evil.example"), account.name(), account.password());
    assertEquals(403, response.status(), response.toString());
    assertEquals(CROSS_SITE, response.description());
    assertTrue(response.sessionCookie().isEmpty());
    assertEquals(1, sessionsOf(account.id()));
  }

  @Test
  void logout_marked_cross_site_is_403_and_the_session_survives() {
    Account account = newAccount("evilout");
    ApiResponse response =
        logOut(api.withToken(account.token()).withHeader("Sec-Fetch-Site", "cross-site"));
    assertEquals(403, response.status(), response.toString());
    assertEquals(CROSS_SITE, response.description());
    assertTrue(response.sessionCookie().isEmpty());
    assertAuthenticated(account.token());
  }

  // ----------------------------------------------------------------- HTTP conventions

  @Test
  void account_routes_answer_with_a_trailing_slash_too() {
    String name = uniqueName("slash");
    String password = password();
    ApiResponse created = api.post(SIGNUP + "/", credentials(name, password));
    assertEquals(201, created.status(), created.toString());
    ApiResponse loggedIn = remembered(api.post(LOGIN + "/", credentials(name, password)));
    assertEquals(204, loggedIn.status(), loggedIn.toString());
    ApiResponse loggedOut = api.withToken(loggedIn.token()).delete(LOGOUT + "/");
    assertEquals(204, loggedOut.status(), loggedOut.toString());
  }

  @Test
  void wrong_methods_on_account_routes_are_405_with_allow() {
    Map<String, String> routes = Map.of(SIGNUP, "POST", LOGIN, "POST", LOGOUT, "DELETE");
    routes.forEach(
        (path, allowed) -> {
          ApiResponse response = api.get(path);
          assertEquals(405, response.status(), path + ": " + response);
          assertTrue(response.header("Allow").orElse("").contains(allowed), path);
        });
  }

  // -------------------------------------------------------------------------- the log

  @Test
  void security_events_leave_an_audit_line_with_request_id_and_username() {
    String name = uniqueName("audit");
    String password = password();
    Map<String, ApiResponse> events = new LinkedHashMap<>();
    events.put("signup", signUp(withRequestId("audit-signup-" + name), name, password));
    events.put("login failure", logIn(withRequestId("audit-fail-" + name), name, password()));
    ApiResponse login = logIn(withRequestId("audit-login-" + name), name, password);
    events.put("login success", login);
    events.put("logout", logOut(withRequestId("audit-logout-" + name).withToken(login.token())));
    assertEquals(
        List.of(201, 401, 204, 204), events.values().stream().map(ApiResponse::status).toList());

    List<String> expected =
        List.of("audit-signup-", "audit-fail-", "audit-login-", "audit-logout-");
    String log = awaitLogContaining(expected.stream().map(p -> p + name).toList());
    List<String> lines = log.lines().toList();
    for (String prefix : expected) {
      String requestId = prefix + name;
      assertTrue(
          lines.stream().anyMatch(l -> l.contains(requestId) && l.contains(name)),
          "no log line with request id " + requestId + " and user " + name);
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void the_server_log_never_contains_a_password_the_pepper_the_jwt_secret_or_a_token() {
    // Self-contained: its own activity, plus whatever the other tests did before it.
    String name = uniqueName("logcheck");
    String password = password();
    assertEquals(201, signUp(api, name, password).status());
    assertEquals(401, logIn(api, name, password()).status());
    ApiResponse login = logIn(withRequestId("logcheck-" + name), name, password);
    assertEquals(204, login.status());
    assertAuthenticated(login.token());
    assertEquals(204, logOut(api.withToken(login.token())).status());

    String log = awaitLogContaining(List.of("logcheck-" + name));
    assertFalse(log.isBlank(), "empty server log");

    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("the pepper", CONFIG.password().pepper());
    secrets.put("the JWT secret", jwtSecret());
    secrets.put("the bootstrap password", SUPER_ADMIN_PASSWORD);
    int i = 0;
    for (String used : PASSWORDS) {
      secrets.put("password #" + ++i + " (" + used.length() + " chars)", used);
    }
    i = 0;
    for (String token : TOKENS) {
      secrets.put("token #" + ++i, token);
      String signature = token.substring(token.lastIndexOf('.') + 1);
      if (signature.length() >= 20) {
        secrets.put("signature of token #" + i, signature);
      }
    }
    assertTrue(PASSWORDS.contains(password) && TOKENS.contains(login.token()));
    List<String> leaked =
        secrets.entrySet().stream()
            .filter(e -> log.contains(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(List.of(), leaked, "secrets found in " + logFiles());
  }

  // ============================================================================ helpers

  /** A signed-up user, logged in once. */
  private record Account(String name, String password, UUID id, String token) {}

  private Account newAccount(String prefix) {
    String name = uniqueName(prefix);
    String password = password();
    ApiResponse created = signUp(api, name, password);
    assertEquals(201, created.status(), "sign-up of " + name + ": " + created);
    UUID id = UUID.fromString(created.json().getString("id"));
    return new Account(name, password, id, loggedIn(name, password));
  }

  private String loggedIn(String name, String password) {
    ApiResponse response = logIn(api, name, password);
    assertEquals(204, response.status(), "log-in of " + name + ": " + response);
    return response.token();
  }

  private ApiResponse signUp(ApiClient client, String name, String password) {
    return remembered(client.post(SIGNUP, credentials(name, password)));
  }

  private ApiResponse logIn(ApiClient client, String name, String password) {
    return remembered(client.post(LOGIN, credentials(name, password)));
  }

  private ApiResponse logOut(ApiClient client) {
    return remembered(client.delete(LOGOUT));
  }

  private ApiClient withRequestId(String requestId) {
    return api.withHeader("X-Request-Id", requestId);
  }

  private void failLogins(String name, int times) {
    for (int i = 1; i <= times; i++) {
      ApiResponse failed = logIn(api, name, password());
      assertEquals(401, failed.status(), "failure " + i + " of " + name + ": " + failed);
      assertEquals(INVALID_CREDENTIALS, failed.description());
    }
  }

  private static void assertLocked(ApiResponse response, long minRetry, long maxRetry) {
    assertEquals(429, response.status(), response.toString());
    assertEquals(LOCKED, response.description());
    String retryAfter =
        response
            .header("Retry-After")
            .orElseThrow(() -> new AssertionError("429 without Retry-After"));
    long seconds = Long.parseLong(retryAfter.trim());
    assertTrue(
        seconds >= minRetry && seconds <= maxRetry,
        "Retry-After " + seconds + " not in [" + minRetry + ", " + maxRetry + "]");
    assertTrue(response.sessionCookie().isEmpty());
  }

  private void assertSignupRefused(String name, String message) {
    ApiResponse response = signUp(api, name, password());
    assertEquals(400, response.status(), name + ": " + response);
    assertEquals(message, response.description(), name);
    assertEquals(Set.of("description"), response.json().keySet());
  }

  /** The token still identifies a caller: log-in with it is "already authenticated" (403). */
  private void assertAuthenticated(String token) {
    // A malformed name: 403 if the token authenticates, else a 400 that counts no failure.
    ApiResponse response = remembered(api.withToken(token).post(LOGIN, credentials("_x", "x")));
    assertEquals(403, response.status(), "token should authenticate: " + response);
    assertEquals(ALREADY_AUTHENTICATED, response.description());
  }

  /** Log-out with the token is refused as "Not authenticated." (and so clears nothing). */
  private void assertNotAuthenticated(String token) {
    if (token.length() >= 20) {
      TOKENS.add(token);
    }
    ApiResponse response = logOut(api.withToken(token));
    assertEquals(401, response.status(), "token should be refused: " + response);
    assertEquals(NOT_AUTHENTICATED, response.description());
    assertEquals(Set.of("description"), response.json().keySet());
  }

  private static void assertValidation(ApiResponse response, List<List<String>> locs) {
    assertEquals(422, response.status(), response.toString());
    assertDetailsWellFormed(response);
    List<List<String>> found = locs(response);
    assertEquals(Set.copyOf(locs), Set.copyOf(found), response.toString());
    assertEquals(locs.size(), found.size(), response.toString());
  }

  private static void assertValidationAtBody(ApiResponse response) {
    assertEquals(422, response.status(), response.toString());
    assertDetailsWellFormed(response);
    assertFalse(locs(response).isEmpty(), response.toString());
  }

  /** description, and details each with a loc starting with "body", a msg and a type. */
  private static void assertDetailsWellFormed(ApiResponse response) {
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

  private static List<List<String>> locs(ApiResponse response) {
    return response.json().getJsonArray("details").stream()
        .map(v -> loc(v.asJsonObject()))
        .toList();
  }

  private static List<String> loc(JsonObject detail) {
    return detail.getJsonArray("loc").stream().map(v -> ((JsonString) v).getString()).toList();
  }

  private String ownOrigin() {
    return "http://127.0.0.1:" + base.getPort();
  }

  private static String credentials(String name, String password) {
    return Json.createObjectBuilder()
        .add("username", name)
        .add("password", password)
        .build()
        .toString();
  }

  /** prefix + 8 random letters/digits: unique per test and run, at most 20 characters. */
  private static String uniqueName(String prefix) {
    String name = prefix + randomText(8);
    assertTrue(name.length() <= 20, name);
    return name;
  }

  /** A fresh password, remembered for the log check. */
  private static String password() {
    return remember("Pw-" + randomText(14));
  }

  private static String remember(String secret) {
    if (secret.length() >= 10) {
      PASSWORDS.add(secret);
    }
    return secret;
  }

  private static String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return text.toString();
  }

  /** Remembers the token the response set (login, renewal) for the log check. */
  private static ApiResponse remembered(ApiResponse response) {
    response
        .sessionCookie()
        .ifPresent(
            c -> {
              String token = response.token();
              if (!token.isEmpty()) {
                TOKENS.add(token);
              }
            });
    return response;
  }

  private static long usersNamed(String name) {
    return TestDatabase.count("select count(*) from users where lower(username) = lower(?)", name);
  }

  private static long sessionsOf(UUID userId) {
    return TestDatabase.count("select count(*) from auth_sessions where user_id = ?", userId);
  }

  private static void deactivate(UUID userId) {
    assertEquals(1, TestDatabase.update("update users set is_active = false where id = ?", userId));
  }

  private static double secondsLeft(String sessionId) {
    return ((Number)
            TestDatabase.value(
                    "select extract(epoch from expiration - now()) from auth_sessions where id = ?",
                    sessionId)
                .orElseThrow(() -> new AssertionError("no session row " + sessionId)))
        .doubleValue();
  }

  // -------------------------------------------------------------------------- tokens

  private static String jwtSecret() {
    return CONFIG.session().jwtSecret();
  }

  /** The name of the token's claim that is not {@code exp}: the session id. */
  private static String sessionClaimName(String token) {
    try {
      Set<String> names = SignedJWT.parse(token).getJWTClaimsSet().getClaims().keySet();
      List<String> others = names.stream().filter(n -> !n.equals("exp")).toList();
      assertEquals(1, others.size(), "claims: " + names);
      return others.get(0);
    } catch (ParseException e) {
      throw new AssertionError("not a JWT: " + token, e);
    }
  }

  private static String sessionIdOf(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(sessionClaimName(token));
    } catch (ParseException e) {
      throw new AssertionError("not a JWT: " + token, e);
    }
  }

  /** The genuine token's session claim with another expiry. */
  private static JWTClaimsSet claimsFor(String genuine, Instant expiration) {
    return new JWTClaimsSet.Builder()
        .claim(sessionClaimName(genuine), sessionIdOf(genuine))
        .expirationTime(Date.from(expiration))
        .build();
  }

  private static String forge(
      JWSAlgorithm algorithm, String secret, String genuine, Instant expiration) {
    return sign(algorithm, secret, claimsFor(genuine, expiration));
  }

  private static String sign(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      String token = jwt.serialize();
      TOKENS.add(token);
      return token;
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64Url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------- the log file

  /**
   * The server log of this test run: what the server printed (ScriptedServer), and any file beside
   * it with the same name and a suffix that was written since this JVM started; files last written
   * before then belong to earlier runs and are left out.
   */
  private static List<Path> logFiles() {
    Path log =
        Path.of(System.getProperty("clean-users.server.log", "target/it-server.log"))
            .toAbsolutePath();
    long runStarted = ManagementFactory.getRuntimeMXBean().getStartTime() - 5_000;
    // The listed paths are the (absolute) directory plus a name: comparing whole paths with
    // the log's compares the names.
    try (Stream<Path> files = Files.list(log.getParent())) {
      return files
          .filter(f -> f.toString().startsWith(log.toString()))
          .filter(f -> !f.toString().endsWith(".lck"))
          .filter(f -> lastModified(f) >= runStarted)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readLog() {
    StringBuilder text = new StringBuilder();
    for (Path file : logFiles()) {
      try {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text.toString();
  }

  /**
   * The log once it shows every marker (the server writes its log asynchronously), or after 20 s
   * whatever it holds by then.
   */
  private static String awaitLogContaining(List<String> markers) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String log = readLog();
    while (!markers.stream().allMatch(log::contains) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail(e);
      }
      log = readLog();
    }
    assertFalse(
        logFiles().isEmpty(), "no server log at " + System.getProperty("clean-users.server.log"));
    return log;
  }

  /** One Set-Cookie line: name, value, and attributes (names lower-cased). */
  private record CookieLine(String name, String value, Map<String, String> attributes) {

    static CookieLine parse(String header) {
      String[] parts = header.split(";");
      String pair = parts[0].trim();
      int eq = pair.indexOf('=');
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        String part = parts[i].trim();
        if (part.isEmpty()) {
          continue;
        }
        int at = part.indexOf('=');
        String key = (at < 0 ? part : part.substring(0, at)).trim().toLowerCase(Locale.ROOT);
        String value = at < 0 ? "" : part.substring(at + 1).trim();
        assertFalse(attributes.containsKey(key), "attribute twice in " + header);
        attributes.put(key, value);
      }
      return new CookieLine(pair.substring(0, eq), pair.substring(eq + 1), attributes);
    }
  }
}
