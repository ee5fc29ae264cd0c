package io.cleanusers.it.support;

import static io.cleanusers.it.support.Bodies.credentials;
import static io.cleanusers.it.support.ContractTexts.ALREADY_AUTHENTICATED;
import static io.cleanusers.it.support.ContractTexts.INVALID_CREDENTIALS;
import static io.cleanusers.it.support.ContractTexts.LOCKED;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHENTICATED;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Secrets.password;
import static io.cleanusers.it.support.Secrets.remembered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

/**
 * The base of the account tests (sign-up, log-in, log-out, own account): accounts made through the
 * public routes, and what a session token can and cannot do. Every password and token sent is
 * remembered ({@link Secrets}) for the log check.
 */
public abstract class AccountApiTest extends ApiTest {

  /** A signed-up user, logged in once. */
  protected record Account(String name, String password, UUID id, String token) {}

  protected Account newAccount(String prefix) {
    String name = uniqueName(prefix);
    String password = password();
    ApiResponse created = signUp(api, name, password);
    assertEquals(201, created.status(), "sign-up of " + name + ": " + created);
    UUID id = UUID.fromString(created.json().getString("id"));
    return new Account(name, password, id, loggedIn(name, password));
  }

  protected static ApiResponse signUp(ApiClient client, String name, String password) {
    return remembered(client.post(Routes.SIGNUP, credentials(name, password)));
  }

  protected static ApiResponse logOut(ApiClient client) {
    return remembered(client.delete(Routes.LOGOUT));
  }

  protected ApiClient withRequestId(String requestId) {
    return api.withHeader("X-Request-Id", requestId);
  }

  /** The services's own origin, as a browser on its pages would send it. */
  protected String ownOrigin() {
    return "http://127.0.0.1:" + base.getPort();
  }

  /** That many wrong passwords for the name, each the shared 401. */
  protected void failLogins(String name, int times) {
    for (int i = 1; i <= times; i++) {
      ApiResponse failed = logIn(api, name, password());
      assertEquals(401, failed.status(), "failure " + i + " of " + name + ": " + failed);
      assertEquals(INVALID_CREDENTIALS, failed.description());
    }
  }

  /** A 429 lockout whose Retry-After lies in the range, without a session. */
  protected static void assertLocked(ApiResponse response, long minRetry, long maxRetry) {
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

  protected void assertSignupRefused(String name, String message) {
    ApiResponse response = signUp(api, name, password());
    assertEquals(400, response.status(), name + ": " + response);
    assertEquals(message, response.description(), name);
    assertEquals(Set.of("description"), response.json().keySet());
  }

  /** The token still identifies a caller: log-in with it is "already authenticated" (403). */
  protected void assertAuthenticated(String token) {
    // A malformed name: 403 if the token authenticates, else a 400 that counts no failure.
    ApiResponse response = logIn(api.withToken(token), "_x", "x");
    assertEquals(403, response.status(), "token should authenticate: " + response);
    assertEquals(ALREADY_AUTHENTICATED, response.description());
  }

  /** Log-out with the token is refused as "Not authenticated." (and so clears nothing). */
  protected void assertNotAuthenticated(String token) {
    Secrets.rememberToken(token);
    ApiResponse response = logOut(api.withToken(token));
    assertEquals(401, response.status(), "token should be refused: " + response);
    assertEquals(NOT_AUTHENTICATED, response.description());
    assertEquals(Set.of("description"), response.json().keySet());
  }
}
