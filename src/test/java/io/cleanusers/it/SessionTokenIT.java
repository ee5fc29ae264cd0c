package io.cleanusers.it;

import static io.cleanusers.it.support.ContractTexts.ALREADY_AUTHENTICATED;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHENTICATED;
import static io.cleanusers.it.support.Jwt.base64Url;
import static io.cleanusers.it.support.Jwt.claimsFor;
import static io.cleanusers.it.support.Jwt.forge;
import static io.cleanusers.it.support.Jwt.sessionClaimName;
import static io.cleanusers.it.support.Jwt.sessionIdOf;
import static io.cleanusers.it.support.Jwt.sign;
import static io.cleanusers.it.support.Names.randomText;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Rows.deactivate;
import static io.cleanusers.it.support.Rows.secondsLeft;
import static io.cleanusers.it.support.Rows.sessionsOf;
import static io.cleanusers.it.support.Secrets.password;
import static io.cleanusers.it.support.TestSettings.CONFIG;
import static io.cleanusers.it.support.TestSettings.TTL_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.cleanusers.it.support.AccountApiTest;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.CookieLine;
import io.cleanusers.it.support.Jwt;
import io.cleanusers.it.support.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Logging out, and the session token: what must be refused, renewal and expiry. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionTokenIT extends AccountApiTest {

  // ------------------------------------------- log out (DELETE /api/v1/account/logout)

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
            Jwt.secret(),
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
    assertNotAuthenticated(forge(JWSAlgorithm.HS512, Jwt.secret(), account.token(), exp));
    assertNotAuthenticated(forge(JWSAlgorithm.HS384, Jwt.secret(), account.token(), exp));
    assertAuthenticated(account.token());
  }

  @Test
  void a_genuinely_signed_token_with_an_expired_exp_is_401_though_its_session_is_alive() {
    Account account = newAccount("expexp");
    String expired =
        forge(JWSAlgorithm.HS256, Jwt.secret(), account.token(), Instant.now().minusSeconds(60));
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
    assertNotAuthenticated(sign(JWSAlgorithm.HS256, Jwt.secret(), claims));
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
    // twice the threshold (0.2 x the TTL: 120 s of the default 5 min) is left
    long twiceThreshold = 2 * CONFIG.session().refreshBelow().toSeconds();
    TestDatabase.update(
        "update auth_sessions set expiration = now() + ?::int * interval '1 second' where id = ?",
        twiceThreshold,
        sessionId);

    ApiResponse response =
        logIn(api.withToken(account.token()), account.name(), account.password());
    assertEquals(403, response.status(), response.toString());
    assertTrue(response.sessionCookie().isEmpty(), response.setCookies().toString());
    double left = secondsLeft(sessionId);
    assertTrue(left > twiceThreshold - 20 && left <= twiceThreshold, "seconds left: " + left);
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
}
