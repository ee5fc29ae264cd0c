package io.cleanusers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cleanusers.infrastructure.config.ServiceConfig;
import io.cleanusers.infrastructure.config.Settings;
import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.Deployments;
import io.cleanusers.it.support.TestDatabase;
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
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the account tests share: the routes, the texts the contract answers with, the settings the
 * deployed WAR got, the deployment, and helpers that sign up, log in, forge tokens and read the
 * database and the server log. Every password and token that goes over the wire is kept, so that
 * {@link AuditLogIT} can check none of them reached the log.
 *
 * <p>Every test makes its own users (random names), so the tests depend neither on each other nor
 * on their order.
 */
abstract class AccountSupport {

  static final String SIGNUP = "/api/v1/account/signup";
  static final String LOGIN = "/api/v1/account/login";
  static final String LOGOUT = "/api/v1/account/logout";

  static final String ALREADY_AUTHENTICATED =
      "You are already authenticated. Consider logging out.";
  static final String INVALID_CREDENTIALS = "Invalid username or password.";
  static final String INACTIVE = "Your account is inactive. Please contact support.";
  static final String NOT_AUTHENTICATED = "Not authenticated.";
  static final String LOCKED = "Too many failed login attempts. Try again later.";
  static final String CROSS_SITE = "Cross-site request refused.";
  static final String MAX_PASSWORD = "Password must be at most 1024 characters long.";

  static final String NAME_LENGTH = "Username must be between 5 and 20 characters.";
  static final String NAME_START = "Username must start with a letter (A-Z, a-z) or a digit (0-9).";
  static final String NAME_CHARACTERS =
      "Username can only contain letters (A-Z, a-z),"
          + " digits (0-9), dots (.), hyphens (-), and underscores (_).";
  static final String NAME_CONSECUTIVE =
      "Username cannot contain consecutive special characters like .., --, or __.";
  static final String NAME_END = "Username must end with a letter (A-Z, a-z) or a digit (0-9).";

  /** The settings the tests read as the service does (the shipped config.toml). */
  static final Settings CONFIG = ServiceConfig.loadSettings(AccountSupport.class.getClassLoader());

  /** Settings the deployed WAR gets from the failsafe configuration (see pom.xml). */
  static final int MAX_FAILURES = Integer.getInteger("it.login.max-failures", 5);

  static final int LOCKOUT_SECONDS = Integer.getInteger("it.login.lockout-seconds", 2);
  static final String SUPER_ADMIN = System.getProperty("it.superadmin.username");
  static final String SUPER_ADMIN_PASSWORD = System.getProperty("it.superadmin.password");

  /** Session TTL and renewal threshold: the defaults (5 minutes, 0.2). */
  static final long TTL_SECONDS = CONFIG.session().ttl().toSeconds();

  static final String UUID_V7 =
      "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
  static final SecureRandom RANDOM = new SecureRandom();

  /** Every password and token that went over the wire: none may reach the server log. */
  static final Set<String> PASSWORDS = ConcurrentHashMap.newKeySet();

  static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

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

  /** A signed-up user, logged in once. */
  record Account(String name, String password, UUID id, String token) {}

  Account newAccount(String prefix) {
    String name = uniqueName(prefix);
    String password = password();
    ApiResponse created = signUp(api, name, password);
    assertEquals(201, created.status(), "sign-up of " + name + ": " + created);
    UUID id = UUID.fromString(created.json().getString("id"));
    return new Account(name, password, id, loggedIn(name, password));
  }

  String loggedIn(String name, String password) {
    ApiResponse response = logIn(api, name, password);
    assertEquals(204, response.status(), "log-in of " + name + ": " + response);
    return response.token();
  }

  ApiResponse signUp(ApiClient client, String name, String password) {
    return remembered(client.post(SIGNUP, credentials(name, password)));
  }

  ApiResponse logIn(ApiClient client, String name, String password) {
    return remembered(client.post(LOGIN, credentials(name, password)));
  }

  ApiResponse logOut(ApiClient client) {
    return remembered(client.delete(LOGOUT));
  }

  ApiClient withRequestId(String requestId) {
    return api.withHeader("X-Request-Id", requestId);
  }

  void failLogins(String name, int times) {
    for (int i = 1; i <= times; i++) {
      ApiResponse failed = logIn(api, name, password());
      assertEquals(401, failed.status(), "failure " + i + " of " + name + ": " + failed);
      assertEquals(INVALID_CREDENTIALS, failed.description());
    }
  }

  static void assertLocked(ApiResponse response, long minRetry, long maxRetry) {
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

  void assertSignupRefused(String name, String message) {
    ApiResponse response = signUp(api, name, password());
    assertEquals(400, response.status(), name + ": " + response);
    assertEquals(message, response.description(), name);
    assertEquals(Set.of("description"), response.json().keySet());
  }

  /** The token still identifies a caller: log-in with it is "already authenticated" (403). */
  void assertAuthenticated(String token) {
    // A malformed name: 403 if the token authenticates, else a 400 that counts no failure.
    ApiResponse response = remembered(api.withToken(token).post(LOGIN, credentials("_x", "x")));
    assertEquals(403, response.status(), "token should authenticate: " + response);
    assertEquals(ALREADY_AUTHENTICATED, response.description());
  }

  /** Log-out with the token is refused as "Not authenticated." (and so clears nothing). */
  void assertNotAuthenticated(String token) {
    if (token.length() >= 20) {
      TOKENS.add(token);
    }
    ApiResponse response = logOut(api.withToken(token));
    assertEquals(401, response.status(), "token should be refused: " + response);
    assertEquals(NOT_AUTHENTICATED, response.description());
    assertEquals(Set.of("description"), response.json().keySet());
  }

  static void assertValidation(ApiResponse response, List<List<String>> locs) {
    assertEquals(422, response.status(), response.toString());
    assertDetailsWellFormed(response);
    List<List<String>> found = locs(response);
    assertEquals(Set.copyOf(locs), Set.copyOf(found), response.toString());
    assertEquals(locs.size(), found.size(), response.toString());
  }

  static void assertValidationAtBody(ApiResponse response) {
    assertEquals(422, response.status(), response.toString());
    assertDetailsWellFormed(response);
    assertFalse(locs(response).isEmpty(), response.toString());
  }

  /** description, and details each with a loc starting with "body", a msg and a type. */
  static void assertDetailsWellFormed(ApiResponse response) {
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

  static List<List<String>> locs(ApiResponse response) {
    return response.json().getJsonArray("details").stream()
        .map(v -> loc(v.asJsonObject()))
        .toList();
  }

  static List<String> loc(JsonObject detail) {
    return detail.getJsonArray("loc").stream().map(v -> ((JsonString) v).getString()).toList();
  }

  String ownOrigin() {
    return "http://127.0.0.1:" + base.getPort();
  }

  static String credentials(String name, String password) {
    return Json.createObjectBuilder()
        .add("username", name)
        .add("password", password)
        .build()
        .toString();
  }

  /** prefix + 8 random letters/digits: unique per test and run, at most 20 characters. */
  static String uniqueName(String prefix) {
    String name = prefix + randomText(8);
    assertTrue(name.length() <= 20, name);
    return name;
  }

  /** A fresh password, remembered for the log check. */
  static String password() {
    return remember("Pw-" + randomText(14));
  }

  static String remember(String secret) {
    if (secret.length() >= 10) {
      PASSWORDS.add(secret);
    }
    return secret;
  }

  static String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return text.toString();
  }

  /** Remembers the token the response set (login, renewal) for the log check. */
  static ApiResponse remembered(ApiResponse response) {
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

  static long usersNamed(String name) {
    return TestDatabase.count("select count(*) from users where lower(username) = lower(?)", name);
  }

  static long sessionsOf(UUID userId) {
    return TestDatabase.count("select count(*) from auth_sessions where user_id = ?", userId);
  }

  static void deactivate(UUID userId) {
    assertEquals(1, TestDatabase.update("update users set is_active = false where id = ?", userId));
  }

  static double secondsLeft(String sessionId) {
    return ((Number)
            TestDatabase.value(
                    "select extract(epoch from expiration - now()) from auth_sessions where id = ?",
                    sessionId)
                .orElseThrow(() -> new AssertionError("no session row " + sessionId)))
        .doubleValue();
  }

  // -------------------------------------------------------------------------- tokens

  static String jwtSecret() {
    return CONFIG.session().jwtSecret();
  }

  /** The name of the token's claim that is not {@code exp}: the session id. */
  static String sessionClaimName(String token) {
    try {
      Set<String> names = SignedJWT.parse(token).getJWTClaimsSet().getClaims().keySet();
      List<String> others = names.stream().filter(n -> !n.equals("exp")).toList();
      assertEquals(1, others.size(), "claims: " + names);
      return others.get(0);
    } catch (ParseException e) {
      throw new AssertionError("not a JWT: " + token, e);
    }
  }

  static String sessionIdOf(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(sessionClaimName(token));
    } catch (ParseException e) {
      throw new AssertionError("not a JWT: " + token, e);
    }
  }

  /** The genuine token's session claim with another expiry. */
  static JWTClaimsSet claimsFor(String genuine, Instant expiration) {
    return new JWTClaimsSet.Builder()
        .claim(sessionClaimName(genuine), sessionIdOf(genuine))
        .expirationTime(Date.from(expiration))
        .build();
  }

  static String forge(JWSAlgorithm algorithm, String secret, String genuine, Instant expiration) {
    return sign(algorithm, secret, claimsFor(genuine, expiration));
  }

  static String sign(JWSAlgorithm algorithm, String secret, JWTClaimsSet claims) {
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

  static String base64Url(String text) {
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
  static List<Path> logFiles() {
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

  static long lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String readLog() {
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
  static String awaitLogContaining(List<String> markers) {
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
  record CookieLine(String name, String value, Map<String, String> attributes) {

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
