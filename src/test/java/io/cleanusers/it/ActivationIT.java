package io.cleanusers.it;

import static io.cleanusers.it.support.Bodies.json;
import static io.cleanusers.it.support.ContractTexts.INACTIVE;
import static io.cleanusers.it.support.ContractTexts.NAME_CONSECUTIVE;
import static io.cleanusers.it.support.ContractTexts.NAME_END;
import static io.cleanusers.it.support.ContractTexts.NAME_LENGTH;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHENTICATED;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHORIZED;
import static io.cleanusers.it.support.ContractTexts.notFound;
import static io.cleanusers.it.support.ErrorAnswers.assertError;
import static io.cleanusers.it.support.ErrorAnswers.assertValidationIncludes;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Routes.INACTIVATE;
import static io.cleanusers.it.support.Routes.REACTIVATE;
import static io.cleanusers.it.support.Routes.USERS;
import static io.cleanusers.it.support.Rows.active;
import static io.cleanusers.it.support.Rows.sessionsOf;
import static io.cleanusers.it.support.Rows.updatedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.TestDatabase;
import io.cleanusers.it.support.UserAdminApiTest;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inactivating and reactivating users: who may, what it does to sessions, and no-ops. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivationIT extends UserAdminApiTest {

  // ----------------------------- inactivate user (PATCH /api/v1/users/inactivate)

  @Test
  void admin_inactivates_a_user_and_the_users_sessions_end_at_once() {
    Account target = newUser();
    ApiClient targetSession = as(target);
    assertEquals(403, targetSession.get(USERS).status(), "authenticated before");
    assertEquals(1, sessionsOf(target.id()));
    Instant updatedBefore = updatedAt(target.id());
    ApiResponse response = as(newAdmin()).patch(INACTIVATE, json("username", target.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("", response.body());
    assertFalse(active(target.id()));
    assertEquals(0, sessionsOf(target.id()), "sessions deleted with the inactivation");
    assertTrue(updatedAt(target.id()).isAfter(updatedBefore));
    assertError(targetSession.get(USERS), 401, NOT_AUTHENTICATED);
  }

  @Test
  void inactive_user_cannot_log_in() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE, json("username", target.username())).status());
    assertError(logIn(api, target.username(), target.password()), 401, INACTIVE);
  }

  @Test
  void super_admin_inactivates_an_admin() {
    Account admin = newAdmin();
    ApiClient adminSession = as(admin);
    assertEquals(200, adminSession.get(USERS).status());
    assertEquals(204, root.patch(INACTIVATE, json("username", admin.username())).status());
    assertFalse(active(admin.id()));
    assertEquals(0, sessionsOf(admin.id()));
    assertError(adminSession.get(USERS), 401, NOT_AUTHENTICATED);
  }

  @Test
  void admin_cannot_inactivate_another_admin() {
    Account other = newAdmin();
    ApiClient otherSession = as(other);
    assertError(
        as(newAdmin()).patch(INACTIVATE, json("username", other.username())), 403, NOT_AUTHORIZED);
    assertTrue(active(other.id()));
    assertEquals(1, sessionsOf(other.id()));
    assertEquals(200, otherSession.get(USERS).status());
  }

  @Test
  void admin_cannot_inactivate_themselves() {
    Account admin = newAdmin();
    assertError(
        as(admin).patch(INACTIVATE, json("username", admin.username())), 403, NOT_AUTHORIZED);
    assertTrue(active(admin.id()));
  }

  @Test
  void admin_cannot_inactivate_a_super_admin() {
    Account superAdmin = newSuperAdmin();
    assertError(
        as(newAdmin()).patch(INACTIVATE, json("username", superAdmin.username())),
        403,
        NOT_AUTHORIZED);
    assertTrue(active(superAdmin.id()));
  }

  @Test
  void super_admin_cannot_inactivate_another_super_admin() {
    Account target = newSuperAdmin();
    assertError(
        as(newSuperAdmin()).patch(INACTIVATE, json("username", target.username())),
        403,
        NOT_AUTHORIZED);
    assertTrue(active(target.id()));
  }

  @Test
  void super_admin_cannot_inactivate_themselves() {
    Account superAdmin = newSuperAdmin();
    ApiClient session = as(superAdmin);
    assertError(
        session.patch(INACTIVATE, json("username", superAdmin.username())), 403, NOT_AUTHORIZED);
    assertTrue(active(superAdmin.id()));
    assertEquals(200, session.get(USERS).status());
  }

  @Test
  void inactivating_an_unknown_user_is_a_404() {
    String name = uniqueName("gho");
    assertError(root.patch(INACTIVATE, json("username", name)), 404, notFound(name));
  }

  @Test
  void inactivating_with_a_bad_username_is_a_400() {
    assertError(root.patch(INACTIVATE, json("username", "ab")), 400, NAME_LENGTH);
    assertError(root.patch(INACTIVATE, json("username", "abc..de")), 400, NAME_CONSECUTIVE);
  }

  @Test
  void plain_user_cannot_inactivate() {
    Account target = newUser();
    assertError(
        as(newUser()).patch(INACTIVATE, json("username", target.username())), 403, NOT_AUTHORIZED);
    assertTrue(active(target.id()));
  }

  @Test
  void plain_user_gets_403_on_inactivate_before_username_rules_and_lookup() {
    ApiClient user = as(newUser());
    assertError(user.patch(INACTIVATE, json("username", "ab")), 403, NOT_AUTHORIZED);
    assertError(user.patch(INACTIVATE, json("username", uniqueName("gho"))), 403, NOT_AUTHORIZED);
  }

  @Test
  void inactivating_twice_is_a_no_op_204_that_leaves_updated_at_alone() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE, json("username", target.username())).status());
    Instant updated = updatedAt(target.id());
    ApiResponse again = root.patch(INACTIVATE, json("username", target.username()));
    assertEquals(204, again.status(), again.toString());
    assertFalse(active(target.id()));
    assertEquals(updated, updatedAt(target.id()));
  }

  @Test
  void inactivate_without_session_is_a_401() {
    Account target = newUser();
    assertError(api.patch(INACTIVATE, json("username", target.username())), 401, NOT_AUTHENTICATED);
    assertTrue(active(target.id()));
  }

  @Test
  void inactivate_without_username_is_a_422() {
    assertValidationIncludes(root.patch(INACTIVATE, "{}"), "body", "username");
    assertValidationIncludes(root.patch(INACTIVATE, json("username", null)), "body", "username");
    assertValidationIncludes(root.patch(INACTIVATE, "{\"username\":42}"), "body", "username");
  }

  @Test
  void inactivate_answers_with_a_trailing_slash_too() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE + "/", json("username", target.username())).status());
    assertFalse(active(target.id()));
  }

  @Test
  void inactivate_body_must_be_json() {
    ApiResponse response = root.send("PATCH", INACTIVATE, "username=abcde", "text/plain");
    assertEquals(415, response.status(), response.toString());
  }

  // ----------------------------- reactivate user (PATCH /api/v1/users/reactivate)

  @Test
  void admin_reactivates_a_user_who_can_then_log_in_again() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE, json("username", target.username())).status());
    Instant updatedBefore = updatedAt(target.id());
    ApiResponse response = as(newAdmin()).patch(REACTIVATE, json("username", target.username()));
    assertEquals(204, response.status(), response.toString());
    assertTrue(active(target.id()));
    assertTrue(updatedAt(target.id()).isAfter(updatedBefore));
    ApiResponse login = logIn(api, target.username(), target.password());
    assertEquals(204, login.status(), login.toString());
    assertEquals(403, api.withToken(login.token()).get(USERS).status(), "logged in again");
  }

  @Test
  void super_admin_reactivates_an_admin() {
    Account admin = newAdmin();
    assertEquals(204, root.patch(INACTIVATE, json("username", admin.username())).status());
    assertEquals(204, root.patch(REACTIVATE, json("username", admin.username())).status());
    assertTrue(active(admin.id()));
    assertEquals(200, as(admin).get(USERS).status());
  }

  @Test
  void reactivating_an_active_user_is_a_no_op_204_that_leaves_updated_at_alone() {
    Account target = newUser();
    ApiClient session = as(target);
    Instant updated = updatedAt(target.id());
    ApiResponse response = root.patch(REACTIVATE, json("username", target.username()));
    assertEquals(204, response.status(), response.toString());
    assertTrue(active(target.id()));
    assertEquals(updated, updatedAt(target.id()));
    assertEquals(403, session.get(USERS).status(), "the user's session is untouched");
  }

  @Test
  void admin_cannot_reactivate_an_admin() {
    Account other = newAdmin();
    assertEquals(204, root.patch(INACTIVATE, json("username", other.username())).status());
    assertError(
        as(newAdmin()).patch(REACTIVATE, json("username", other.username())), 403, NOT_AUTHORIZED);
    assertFalse(active(other.id()));
  }

  @Test
  void nobody_can_reactivate_a_super_admin() {
    Account superAdmin = newSuperAdmin();
    TestDatabase.update(
        "update users set is_active = false where id = ?", UUID.fromString(superAdmin.id()));
    assertError(
        as(newAdmin()).patch(REACTIVATE, json("username", superAdmin.username())),
        403,
        NOT_AUTHORIZED);
    assertError(
        root.patch(REACTIVATE, json("username", superAdmin.username())), 403, NOT_AUTHORIZED);
    assertFalse(active(superAdmin.id()));
  }

  @Test
  void reactivating_an_unknown_user_is_a_404() {
    String name = uniqueName("gho");
    assertError(root.patch(REACTIVATE, json("username", name)), 404, notFound(name));
  }

  @Test
  void reactivating_with_a_bad_username_is_a_400() {
    assertError(root.patch(REACTIVATE, json("username", "abcde_")), 400, NAME_END);
  }

  @Test
  void plain_user_cannot_reactivate() {
    Account target = newUser();
    assertEquals(204, root.patch(INACTIVATE, json("username", target.username())).status());
    ApiClient user = as(newUser());
    assertError(user.patch(REACTIVATE, json("username", target.username())), 403, NOT_AUTHORIZED);
    assertError(user.patch(REACTIVATE, json("username", "x")), 403, NOT_AUTHORIZED);
    assertFalse(active(target.id()));
  }

  @Test
  void reactivate_without_session_is_a_401() {
    assertError(api.patch(REACTIVATE, json("username", uniqueName("nos"))), 401, NOT_AUTHENTICATED);
  }

  @Test
  void reactivate_without_username_is_a_422() {
    assertValidationIncludes(root.patch(REACTIVATE, "{\"name\":\"abcdef\"}"), "body", "username");
  }
}
