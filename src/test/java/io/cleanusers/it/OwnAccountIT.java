package io.cleanusers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * R13 over HTTP: {@code GET /api/v1/account/me} answers the caller's own record in the list's item
 * shape, read afresh on every call, and 401 to anyone not logged in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OwnAccountIT {

  private static final String ME = "/api/v1/account/me";
  private static final String PASSWORD = "Own-Account-Pa55";
  private static final String ROOT = System.getProperty("it.superadmin.username");
  private static final String ROOT_PASSWORD = System.getProperty("it.superadmin.password");

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL deployed;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(Deployments.loopback(deployed));
  }

  @Test
  void a_logged_in_user_reads_their_own_record_in_the_list_item_shape() {
    String name = uniqueName();
    UUID id = signUp(name);
    ApiResponse me = api.withToken(logIn(name)).get(ME);

    assertEquals(200, me.status(), me.toString());
    JsonObject body = me.json();
    assertEquals(
        Set.of("id", "username", "role", "is_active", "created_at", "updated_at"), body.keySet());
    assertEquals(id.toString(), body.getString("id"));
    assertEquals(name, body.getString("username"));
    assertEquals("user", body.getString("role"));
    assertTrue(body.getBoolean("is_active"));
    Instant created = Instant.parse(body.getString("created_at"));
    assertEquals(created, Instant.parse(body.getString("updated_at")));
    assertTrue(me.header("Cache-Control").orElse("").contains("no-store"), me.toString());
  }

  @Test
  void without_a_session_it_is_401() {
    ApiResponse anonymous = api.get(ME);
    assertEquals(401, anonymous.status(), anonymous.toString());
    assertEquals("Not authenticated.", anonymous.description());
    ApiResponse forged = api.withToken("not-a-token").get(ME);
    assertEquals(401, forged.status(), forged.toString());
  }

  @Test
  void a_role_granted_meanwhile_shows_on_the_next_call() {
    String name = uniqueName();
    signUp(name);
    ApiClient user = api.withToken(logIn(name));
    assertEquals("user", user.get(ME).json().getString("role"));

    ApiResponse granted = root().patch("/api/v1/users/grant", usernameBody(name));
    assertEquals(204, granted.status(), granted.toString());

    JsonObject after = user.get(ME).json();
    assertEquals("admin", after.getString("role"));
    assertTrue(
        Instant.parse(after.getString("updated_at"))
            .isAfter(Instant.parse(after.getString("created_at"))));
  }

  @Test
  void an_inactivated_user_is_401_at_once() {
    String name = uniqueName();
    signUp(name);
    ApiClient user = api.withToken(logIn(name));
    assertEquals(200, user.get(ME).status());

    ApiResponse inactivated = root().patch("/api/v1/users/inactivate", usernameBody(name));
    assertEquals(204, inactivated.status(), inactivated.toString());

    ApiResponse after = user.get(ME);
    assertEquals(401, after.status(), after.toString());
  }

  @Test
  void the_super_admin_sees_their_own_role() {
    JsonObject me = root().get(ME).json();
    assertEquals(ROOT, me.getString("username"));
    assertEquals("super_admin", me.getString("role"));
  }

  private UUID signUp(String name) {
    ApiResponse created = api.post("/api/v1/account/signup", credentials(name, PASSWORD));
    assertEquals(201, created.status(), created.toString());
    return UUID.fromString(created.json().getString("id"));
  }

  private String logIn(String name) {
    return logIn(name, PASSWORD);
  }

  private String logIn(String name, String password) {
    ApiResponse response = api.post("/api/v1/account/login", credentials(name, password));
    assertEquals(204, response.status(), response.toString());
    return response.token();
  }

  private ApiClient root() {
    return api.withToken(logIn(ROOT, ROOT_PASSWORD));
  }

  private static String credentials(String name, String password) {
    return "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}";
  }

  private static String usernameBody(String name) {
    return "{\"username\":\"" + name + "\"}";
  }

  private static String uniqueName() {
    return "me" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
