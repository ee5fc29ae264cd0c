package io.cleanusers.it;

import static io.cleanusers.it.support.Bodies.credentials;
import static io.cleanusers.it.support.ContractTexts.INACTIVE;
import static io.cleanusers.it.support.ContractTexts.INVALID_CREDENTIALS;
import static io.cleanusers.it.support.ContractTexts.NAME_CONSECUTIVE;
import static io.cleanusers.it.support.ContractTexts.passwordTooShort;
import static io.cleanusers.it.support.Jwt.sessionIdOf;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Routes.LOGIN;
import static io.cleanusers.it.support.Routes.LOGOUT;
import static io.cleanusers.it.support.Routes.SIGNUP;
import static io.cleanusers.it.support.Rows.deactivate;
import static io.cleanusers.it.support.Rows.secondsLeft;
import static io.cleanusers.it.support.Rows.sessionsOf;
import static io.cleanusers.it.support.Secrets.password;
import static io.cleanusers.it.support.Secrets.remember;
import static io.cleanusers.it.support.Secrets.remembered;
import static io.cleanusers.it.support.TestSettings.CONFIG;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN_PASSWORD;
import static io.cleanusers.it.support.TestSettings.TTL_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.cleanusers.it.support.AccountApiTest;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.CookieLine;
import io.cleanusers.it.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Logging in (POST /api/v1/account/login): the session it opens, its cookie and token, and every
 * refusal; and the HTTP conventions every account route keeps
 * (docs/contract/errors.md#trailing-slash, docs/contract/errors.md#unknown-route-and-wrong-method).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogInIT extends AccountApiTest {

  // ---------------------------------------- log in (POST /api/v1/account/login): success

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

  // ---------------------------------------- log in (POST /api/v1/account/login): refusals

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
    assertEquals(passwordTooShort(min), response.description());
  }

  // ----------------------------- HTTP conventions of every account route (sign-up, log-in, out)

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
}
