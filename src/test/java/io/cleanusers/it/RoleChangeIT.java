package io.cleanusers.it;

import static io.cleanusers.it.support.Bodies.json;
import static io.cleanusers.it.support.ContractTexts.NAME_CHARACTERS;
import static io.cleanusers.it.support.ContractTexts.NAME_START;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHENTICATED;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHORIZED;
import static io.cleanusers.it.support.ContractTexts.notFound;
import static io.cleanusers.it.support.ContractTexts.roleChangeRefused;
import static io.cleanusers.it.support.ErrorAnswers.assertError;
import static io.cleanusers.it.support.ErrorAnswers.assertValidationIncludes;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Routes.GRANT;
import static io.cleanusers.it.support.Routes.INACTIVATE;
import static io.cleanusers.it.support.Routes.REACTIVATE;
import static io.cleanusers.it.support.Routes.REVOKE;
import static io.cleanusers.it.support.Routes.USERS;
import static io.cleanusers.it.support.Rows.active;
import static io.cleanusers.it.support.Rows.role;
import static io.cleanusers.it.support.Rows.sessionsOf;
import static io.cleanusers.it.support.Rows.updatedAt;
import static io.cleanusers.it.support.UserLists.byId;
import static io.cleanusers.it.support.UserLists.listAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.Parallel;
import io.cleanusers.it.support.UserAdminApiTest;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Granting and revoking admin rights, and role and activation changes racing each other. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoleChangeIT extends UserAdminApiTest {

  // ---------------------------------- grant admin (PATCH /api/v1/users/grant)

  @Test
  void super_admin_grants_admin_rights_effective_on_the_targets_very_next_request() {
    Account target = newUser();
    ApiClient targetSession = as(target);
    assertError(targetSession.get(USERS), 403, NOT_AUTHORIZED);
    Instant updatedBefore = updatedAt(target.id());
    ApiResponse response = root.patch(GRANT, json("username", target.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("admin", role(target.id()));
    assertTrue(updatedAt(target.id()).isAfter(updatedBefore));
    ApiResponse listed = targetSession.get(USERS);
    assertEquals(200, listed.status(), "same session, no re-login: " + listed);
  }

  @Test
  void admin_cannot_grant_admin_rights() {
    Account target = newUser();
    assertError(
        as(newAdmin()).patch(GRANT, json("username", target.username())), 403, NOT_AUTHORIZED);
    assertEquals("user", role(target.id()));
  }

  @Test
  void plain_user_cannot_grant_admin_rights() {
    Account target = newUser();
    Account self = newUser();
    ApiClient session = as(self);
    assertError(session.patch(GRANT, json("username", target.username())), 403, NOT_AUTHORIZED);
    assertError(session.patch(GRANT, json("username", self.username())), 403, NOT_AUTHORIZED);
    assertEquals("user", role(target.id()));
    assertEquals("user", role(self.id()));
  }

  @Test
  void admin_gets_403_on_grant_before_username_rules_and_lookup() {
    ApiClient admin = as(newAdmin());
    assertError(admin.patch(GRANT, json("username", "a")), 403, NOT_AUTHORIZED);
    assertError(admin.patch(GRANT, json("username", uniqueName("gho"))), 403, NOT_AUTHORIZED);
  }

  @Test
  void role_of_a_super_admin_cannot_be_changed_by_grant() {
    Account superAdmin = newSuperAdmin();
    assertError(
        root.patch(GRANT, json("username", superAdmin.username())),
        403,
        roleChangeRefused(superAdmin.username()));
    assertEquals("super_admin", role(superAdmin.id()));
  }

  @Test
  void granting_to_an_unknown_user_is_a_404() {
    String name = uniqueName("gho");
    assertError(root.patch(GRANT, json("username", name)), 404, notFound(name));
  }

  @Test
  void granting_with_a_bad_username_is_a_400() {
    assertError(root.patch(GRANT, json("username", "-abcde")), 400, NAME_START);
  }

  @Test
  void granting_to_an_admin_is_a_no_op_204_that_leaves_updated_at_alone() {
    Account admin = newAdmin();
    Instant updated = updatedAt(admin.id());
    ApiResponse response = root.patch(GRANT, json("username", admin.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("admin", role(admin.id()));
    assertEquals(updated, updatedAt(admin.id()));
  }

  @Test
  void grant_without_session_is_a_401() {
    Account target = newUser();
    assertError(api.patch(GRANT, json("username", target.username())), 401, NOT_AUTHENTICATED);
    assertEquals("user", role(target.id()));
  }

  @Test
  void grant_without_username_is_a_422() {
    assertValidationIncludes(root.patch(GRANT, "{}"), "body", "username");
  }

  // --------------------------------- revoke admin (PATCH /api/v1/users/revoke)

  @Test
  void super_admin_revokes_admin_rights_effective_on_the_admins_very_next_request() {
    Account admin = newAdmin();
    ApiClient adminSession = as(admin);
    assertEquals(200, adminSession.get(USERS).status());
    Instant updatedBefore = updatedAt(admin.id());
    ApiResponse response = root.patch(REVOKE, json("username", admin.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("user", role(admin.id()));
    assertTrue(updatedAt(admin.id()).isAfter(updatedBefore));
    assertError(adminSession.get(USERS), 403, NOT_AUTHORIZED);
    assertEquals(1, sessionsOf(admin.id()), "still logged in, only without the rights");
  }

  @Test
  void admin_cannot_revoke_admin_rights() {
    Account other = newAdmin();
    assertError(
        as(newAdmin()).patch(REVOKE, json("username", other.username())), 403, NOT_AUTHORIZED);
    assertEquals("admin", role(other.id()));
  }

  @Test
  void admin_cannot_revoke_their_own_admin_rights() {
    Account admin = newAdmin();
    assertError(as(admin).patch(REVOKE, json("username", admin.username())), 403, NOT_AUTHORIZED);
    assertEquals("admin", role(admin.id()));
  }

  @Test
  void plain_user_cannot_revoke_admin_rights() {
    Account admin = newAdmin();
    assertError(
        as(newUser()).patch(REVOKE, json("username", admin.username())), 403, NOT_AUTHORIZED);
    assertEquals("admin", role(admin.id()));
  }

  @Test
  void role_of_a_super_admin_cannot_be_changed_by_revoke() {
    Account superAdmin = newSuperAdmin();
    assertError(
        root.patch(REVOKE, json("username", superAdmin.username())),
        403,
        roleChangeRefused(superAdmin.username()));
    assertEquals("super_admin", role(superAdmin.id()));
  }

  @Test
  void super_admin_cannot_revoke_their_own_role() {
    Account superAdmin = newSuperAdmin();
    assertError(
        as(superAdmin).patch(REVOKE, json("username", superAdmin.username())),
        403,
        roleChangeRefused(superAdmin.username()));
    assertEquals("super_admin", role(superAdmin.id()));
  }

  @Test
  void revoking_from_an_unknown_user_is_a_404() {
    String name = uniqueName("gho");
    assertError(root.patch(REVOKE, json("username", name)), 404, notFound(name));
  }

  @Test
  void revoking_with_a_bad_username_is_a_400() {
    assertError(root.patch(REVOKE, json("username", "abc!def")), 400, NAME_CHARACTERS);
  }

  @Test
  void revoking_from_a_plain_user_is_a_no_op_204_that_leaves_updated_at_alone() {
    Account user = newUser();
    Instant updated = updatedAt(user.id());
    ApiResponse response = root.patch(REVOKE, json("username", user.username()));
    assertEquals(204, response.status(), response.toString());
    assertEquals("user", role(user.id()));
    assertEquals(updated, updatedAt(user.id()));
  }

  @Test
  void revoke_without_session_is_a_401() {
    Account admin = newAdmin();
    assertError(api.patch(REVOKE, json("username", admin.username())), 401, NOT_AUTHENTICATED);
    assertEquals("admin", role(admin.id()));
  }

  @Test
  void grant_then_revoke_restores_a_plain_user() {
    Account target = newUser();
    ApiClient session = as(target);
    assertEquals(204, root.patch(GRANT, json("username", target.username())).status());
    assertEquals(200, session.get(USERS).status());
    assertEquals(204, root.patch(REVOKE, json("username", target.username())).status());
    assertError(session.get(USERS), 403, NOT_AUTHORIZED);
    assertEquals("user", role(target.id()));
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void parallel_role_and_activation_changes_end_in_a_valid_state_without_5xx() throws Exception {
    Account target = newUser();
    ApiClient targetSession = as(target);
    assertEquals(1, sessionsOf(target.id()));
    List<String> routes = List.of(INACTIVATE, REACTIVATE, GRANT, REVOKE);
    String body = json("username", target.username());
    List<Integer> statuses =
        Parallel.statuses(20, i -> root.patch(routes.get(i % routes.size()), body));
    assertTrue(statuses.stream().noneMatch(s -> s >= 500), statuses.toString());
    assertTrue(statuses.stream().allMatch(s -> s == 204), statuses.toString());
    String finalRole = role(target.id());
    assertTrue(Set.of("user", "admin").contains(finalRole), finalRole);
    if (!active(target.id())) {
      assertEquals(0, sessionsOf(target.id()), "an inactive user keeps no session");
    }
    // The target started active, so in every serial order the first inactivation found it
    // active and ended its session: whatever the final state, that session is gone.
    assertEquals(0, sessionsOf(target.id()));
    assertError(targetSession.get(USERS), 401, NOT_AUTHENTICATED);
    // The state is a consistent one: the row reads back through the API as stored.
    JsonObject listed = byId(listAll(root, ""), target.id());
    assertEquals(finalRole, listed.getString("role"));
    assertEquals(active(target.id()), listed.getBoolean("is_active"));
  }
}
