package io.cleanusers.it;

import static io.cleanusers.it.support.Bodies.json;
import static io.cleanusers.it.support.Bodies.passwordChange;
import static io.cleanusers.it.support.ContractTexts.CURRENT_PASSWORD_REQUIRED;
import static io.cleanusers.it.support.ContractTexts.INVALID_CREDENTIALS;
import static io.cleanusers.it.support.ContractTexts.INVALID_CURRENT_PASSWORD;
import static io.cleanusers.it.support.ContractTexts.NAME_CONSECUTIVE;
import static io.cleanusers.it.support.ContractTexts.NAME_LENGTH;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHENTICATED;
import static io.cleanusers.it.support.ContractTexts.NOT_AUTHORIZED;
import static io.cleanusers.it.support.ContractTexts.PASSWORD_TOO_LONG;
import static io.cleanusers.it.support.ContractTexts.PASSWORD_TOO_SHORT;
import static io.cleanusers.it.support.ContractTexts.notFound;
import static io.cleanusers.it.support.ErrorAnswers.assertError;
import static io.cleanusers.it.support.ErrorAnswers.assertValidationIncludes;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Routes.CHANGE_PASSWORD;
import static io.cleanusers.it.support.Routes.USERS;
import static io.cleanusers.it.support.Rows.hash;
import static io.cleanusers.it.support.Rows.sessionsOf;
import static io.cleanusers.it.support.Rows.updatedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.UserAdminApiTest;
import java.time.Instant;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Changing passwords (PATCH /api/v1/users/change-password): one's own, others', and the rules. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChangePasswordIT extends UserAdminApiTest {

  // ------------------------------ change password (PATCH /api/v1/users/change-password)

  @Test
  void own_password_change_requires_the_current_password() {
    Account user = newUser();
    String hash = hash(user.id());
    assertError(
        as(user)
            .patch(CHANGE_PASSWORD, json("username", user.username(), "password", "new-secret-1")),
        400,
        CURRENT_PASSWORD_REQUIRED);
    assertEquals(hash, hash(user.id()));
  }

  @Test
  void own_password_change_with_a_wrong_current_password_is_a_403() {
    Account user = newUser();
    ApiClient first = as(user);
    ApiClient second = as(user);
    String hash = hash(user.id());
    assertError(
        first.patch(CHANGE_PASSWORD, passwordChange(user.username(), "new-secret-1", "wrong-one")),
        403,
        INVALID_CURRENT_PASSWORD);
    assertEquals(hash, hash(user.id()));
    assertEquals(2, sessionsOf(user.id()), "no session ends on a refused change");
    assertEquals(403, second.get(USERS).status());
    assertEquals(204, logIn(api, user.username(), user.password()).status());
  }

  @Test
  void own_password_change_keeps_the_current_session_and_ends_the_others() {
    Account user = newUser();
    ApiClient current = as(user);
    ApiClient other = as(user);
    assertEquals(2, sessionsOf(user.id()));
    Instant updatedBefore = updatedAt(user.id());
    ApiResponse response =
        current.patch(
            CHANGE_PASSWORD, passwordChange(user.username(), "new-secret-1", user.password()));
    assertEquals(204, response.status(), response.toString());
    assertEquals(1, sessionsOf(user.id()));
    assertError(other.get(USERS), 401, NOT_AUTHENTICATED);
    assertError(current.get(USERS), 403, NOT_AUTHORIZED);
    assertTrue(updatedAt(user.id()).isAfter(updatedBefore));
    assertError(logIn(api, user.username(), user.password()), 401, INVALID_CREDENTIALS);
    assertEquals(204, logIn(api, user.username(), "new-secret-1").status());
  }

  @Test
  void own_password_is_recognised_as_own_in_any_letter_case() {
    Account user = newUser();
    String shouted = user.username().toUpperCase(Locale.ROOT);
    assertError(
        as(user).patch(CHANGE_PASSWORD, json("username", shouted, "password", "new-secret-1")),
        400,
        CURRENT_PASSWORD_REQUIRED);
  }

  @Test
  void admin_changes_own_password_only_with_the_current_one() {
    Account admin = newAdmin();
    ApiClient session = as(admin);
    assertError(
        session.patch(
            CHANGE_PASSWORD, json("username", admin.username(), "password", "new-secret-1")),
        400,
        CURRENT_PASSWORD_REQUIRED);
    assertEquals(
        204,
        session
            .patch(
                CHANGE_PASSWORD, passwordChange(admin.username(), "new-secret-1", admin.password()))
            .status());
    assertEquals(200, session.get(USERS).status());
    assertEquals(204, logIn(api, admin.username(), "new-secret-1").status());
  }

  @Test
  void super_admin_changes_own_password_with_the_current_one() {
    Account superAdmin = newSuperAdmin();
    ApiClient session = as(superAdmin);
    ApiClient other = as(superAdmin);
    assertEquals(
        204,
        session
            .patch(
                CHANGE_PASSWORD,
                passwordChange(superAdmin.username(), "new-secret-1", superAdmin.password()))
            .status());
    assertEquals(200, session.get(USERS).status());
    assertError(other.get(USERS), 401, NOT_AUTHENTICATED);
    assertEquals(204, logIn(api, superAdmin.username(), "new-secret-1").status());
  }

  @Test
  void admin_changes_a_users_password_without_current_and_all_the_users_sessions_end() {
    Account target = newUser();
    ApiClient one = as(target);
    ApiClient two = as(target);
    assertEquals(2, sessionsOf(target.id()));
    ApiClient admin = as(newAdmin());
    String hash = hash(target.id());
    ApiResponse response =
        admin.patch(
            CHANGE_PASSWORD, json("username", target.username(), "password", "new-secret-1"));
    assertEquals(204, response.status(), response.toString());
    assertNotEquals(hash, hash(target.id()));
    assertEquals(0, sessionsOf(target.id()));
    assertError(one.get(USERS), 401, NOT_AUTHENTICATED);
    assertError(two.get(USERS), 401, NOT_AUTHENTICATED);
    assertEquals(200, admin.get(USERS).status(), "the admin's own session is untouched");
    assertError(logIn(api, target.username(), target.password()), 401, INVALID_CREDENTIALS);
    assertEquals(204, logIn(api, target.username(), "new-secret-1").status());
  }

  @Test
  void current_password_is_ignored_when_changing_someone_elses() {
    Account target = newUser();
    ApiResponse response =
        as(newAdmin())
            .patch(
                CHANGE_PASSWORD,
                passwordChange(target.username(), "new-secret-1", "not-it-at-all"));
    assertEquals(204, response.status(), response.toString());
    assertEquals(204, logIn(api, target.username(), "new-secret-1").status());
  }

  @Test
  void super_admin_changes_an_admins_password() {
    Account admin = newAdmin();
    ApiClient adminSession = as(admin);
    assertEquals(
        204,
        root.patch(CHANGE_PASSWORD, json("username", admin.username(), "password", "new-secret-1"))
            .status());
    assertError(adminSession.get(USERS), 401, NOT_AUTHENTICATED);
    assertEquals(204, logIn(api, admin.username(), "new-secret-1").status());
  }

  @Test
  void admin_cannot_change_another_admins_password() {
    Account other = newAdmin();
    String hash = hash(other.id());
    assertError(
        as(newAdmin())
            .patch(CHANGE_PASSWORD, json("username", other.username(), "password", "new-secret-1")),
        403,
        NOT_AUTHORIZED);
    assertEquals(hash, hash(other.id()));
  }

  @Test
  void admin_cannot_change_a_super_admins_password() {
    Account superAdmin = newSuperAdmin();
    String hash = hash(superAdmin.id());
    assertError(
        as(newAdmin())
            .patch(
                CHANGE_PASSWORD,
                json("username", superAdmin.username(), "password", "new-secret-1")),
        403,
        NOT_AUTHORIZED);
    assertEquals(hash, hash(superAdmin.id()));
  }

  @Test
  void super_admins_password_is_changed_only_by_that_super_admin() {
    Account target = newSuperAdmin();
    ApiClient targetSession = as(target);
    String hash = hash(target.id());
    assertError(
        as(newSuperAdmin())
            .patch(
                CHANGE_PASSWORD, json("username", target.username(), "password", "new-secret-1")),
        403,
        NOT_AUTHORIZED);
    assertError(
        as(newSuperAdmin())
            .patch(
                CHANGE_PASSWORD,
                passwordChange(target.username(), "new-secret-1", target.password())),
        403,
        NOT_AUTHORIZED);
    assertEquals(hash, hash(target.id()));
    assertEquals(200, targetSession.get(USERS).status());
  }

  @Test
  void plain_user_cannot_change_another_users_password() {
    Account target = newUser();
    String hash = hash(target.id());
    assertError(
        as(newUser())
            .patch(
                CHANGE_PASSWORD,
                passwordChange(target.username(), "new-secret-1", target.password())),
        403,
        NOT_AUTHORIZED);
    assertEquals(hash, hash(target.id()));
  }

  @Test
  void plain_user_gets_the_same_403_for_a_name_that_does_not_exist() {
    ApiClient user = as(newUser());
    assertError(
        user.patch(
            CHANGE_PASSWORD, json("username", uniqueName("gho"), "password", "new-secret-1")),
        403,
        NOT_AUTHORIZED);
  }

  @Test
  void admin_changing_an_unknown_users_password_gets_a_404() {
    String name = uniqueName("gho");
    assertError(
        as(newAdmin()).patch(CHANGE_PASSWORD, json("username", name, "password", "new-secret-1")),
        404,
        notFound(name));
  }

  @Test
  void new_password_too_short_is_a_400_before_the_current_password_check() {
    Account user = newUser();
    ApiClient session = as(user);
    assertError(
        session.patch(CHANGE_PASSWORD, json("username", user.username(), "password", "12345")),
        400,
        PASSWORD_TOO_SHORT);
    assertError(
        session.patch(CHANGE_PASSWORD, passwordChange(user.username(), "12345", "wrong-one")),
        400,
        PASSWORD_TOO_SHORT);
  }

  @Test
  void new_password_too_long_is_a_400() {
    Account target = newUser();
    String hash = hash(target.id());
    assertError(
        root.patch(
            CHANGE_PASSWORD, json("username", target.username(), "password", "p".repeat(1025))),
        400,
        PASSWORD_TOO_LONG);
    assertEquals(hash, hash(target.id()));
  }

  @Test
  void change_password_with_a_bad_username_is_a_400_even_for_a_plain_user() {
    assertError(
        as(newUser()).patch(CHANGE_PASSWORD, json("username", "abcd", "password", "new-secret-1")),
        400,
        NAME_LENGTH);
    assertError(
        root.patch(CHANGE_PASSWORD, json("username", "ab__cd", "password", "new-secret-1")),
        400,
        NAME_CONSECUTIVE);
  }

  @Test
  void every_password_change_stores_a_fresh_salted_hash() {
    Account target = newUser();
    assertEquals(
        204,
        root.patch(CHANGE_PASSWORD, json("username", target.username(), "password", "same-secret"))
            .status());
    String first = hash(target.id());
    assertEquals(
        204,
        root.patch(CHANGE_PASSWORD, json("username", target.username(), "password", "same-secret"))
            .status());
    String second = hash(target.id());
    assertEquals(60, second.length());
    assertTrue(second.startsWith("$2"), "bcrypt modular crypt");
    assertNotEquals(first, second);
    assertEquals(204, logIn(api, target.username(), "same-secret").status());
  }

  @Test
  void change_password_without_session_is_a_401() {
    Account target = newUser();
    String hash = hash(target.id());
    assertError(
        api.patch(
            CHANGE_PASSWORD, passwordChange(target.username(), "new-secret-1", target.password())),
        401,
        NOT_AUTHENTICATED);
    assertEquals(hash, hash(target.id()));
  }

  @Test
  void change_password_without_new_password_is_a_422() {
    Account user = newUser();
    assertValidationIncludes(
        as(user)
            .patch(
                CHANGE_PASSWORD,
                json("username", user.username(), "current_password", user.password())),
        "body",
        "password");
    assertValidationIncludes(
        as(user)
            .patch(
                CHANGE_PASSWORD,
                json(
                    "username",
                    user.username(),
                    "password",
                    null,
                    "current_password",
                    user.password())),
        "body",
        "password");
  }
}
