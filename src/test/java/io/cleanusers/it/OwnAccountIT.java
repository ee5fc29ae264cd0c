package io.cleanusers.it;

import static io.cleanusers.it.support.Bodies.json;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHENTICATED;
import static io.cleanusers.it.support.Formats.USER_KEYS;
import static io.cleanusers.it.support.Routes.GRANT;
import static io.cleanusers.it.support.Routes.INACTIVATE;
import static io.cleanusers.it.support.Routes.ME;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.support.AccountApiTest;
import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Own account over HTTP: {@code GET /api/v1/account/me} answers the caller's own record in the
 * list's item shape, read afresh on every call, and 401 to anyone not logged in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OwnAccountIT extends AccountApiTest {

  @Test
  void a_logged_in_user_reads_their_own_record_in_the_list_item_shape() {
    Account account = newAccount("me");
    ApiResponse me = api.withToken(account.token()).get(ME);

    assertEquals(200, me.status(), me.toString());
    JsonObject body = me.json();
    assertEquals(USER_KEYS, body.keySet());
    assertEquals(account.id().toString(), body.getString("id"));
    assertEquals(account.name(), body.getString("username"));
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
    assertEquals(NOT_AUTHENTICATED, anonymous.description());
    ApiResponse forged = api.withToken("not-a-token").get(ME);
    assertEquals(401, forged.status(), forged.toString());
  }

  @Test
  void a_role_granted_meanwhile_shows_on_the_next_call() {
    Account account = newAccount("me");
    ApiClient user = api.withToken(account.token());
    assertEquals("user", user.get(ME).json().getString("role"));

    ApiResponse granted = superAdmin().patch(GRANT, json("username", account.name()));
    assertEquals(204, granted.status(), granted.toString());

    JsonObject after = user.get(ME).json();
    assertEquals("admin", after.getString("role"));
    assertTrue(
        Instant.parse(after.getString("updated_at"))
            .isAfter(Instant.parse(after.getString("created_at"))));
  }

  @Test
  void an_inactivated_user_is_401_at_once() {
    Account account = newAccount("me");
    ApiClient user = api.withToken(account.token());
    assertEquals(200, user.get(ME).status());

    ApiResponse inactivated = superAdmin().patch(INACTIVATE, json("username", account.name()));
    assertEquals(204, inactivated.status(), inactivated.toString());

    ApiResponse after = user.get(ME);
    assertEquals(401, after.status(), after.toString());
  }

  @Test
  void the_super_admin_sees_their_own_role() {
    JsonObject me = superAdmin().get(ME).json();
    assertEquals(SUPER_ADMIN, me.getString("username"));
    assertEquals("super_admin", me.getString("role"));
  }
}
