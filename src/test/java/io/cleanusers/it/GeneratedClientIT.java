package io.cleanusers.it;

import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.client.ApiClient;
import io.cleanusers.client.ApiException;
import io.cleanusers.client.api.AccountApi;
import io.cleanusers.client.api.UsersApi;
import io.cleanusers.client.model.ChangePassword;
import io.cleanusers.client.model.CreateUser;
import io.cleanusers.client.model.CreatedId;
import io.cleanusers.client.model.Credentials;
import io.cleanusers.client.model.TargetUser;
import io.cleanusers.client.model.User;
import io.cleanusers.client.model.UserPage;
import io.cleanusers.it.support.ApiTest;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A REST consumer's view: a Java client generated from the served document (the build runs
 * openapi-generator on it), and nothing else, goes through the service's main journeys. The session
 * travels in the client's own cookie store, as it would in any consumer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GeneratedClientIT extends ApiTest {

  private static final String PASSWORD = "Generated-Pa55";

  @Test
  void a_user_signs_up_logs_in_reads_their_account_and_logs_out() throws ApiException {
    String name = uniqueName("gu");
    AccountApi account = new AccountApi(client());

    CreatedId created = account.signUp(new Credentials().username(name).password(PASSWORD));
    account.logIn(new Credentials().username(name).password(PASSWORD));
    User me = account.showOwnAccount();

    assertEquals(created.getId(), me.getId());
    assertEquals(name, me.getUsername());
    assertEquals(User.RoleEnum.USER, me.getRole());
    assertTrue(me.getIsActive());

    account.logOut();
    assertEquals(401, assertThrows(ApiException.class, account::showOwnAccount).getCode());
  }

  @Test
  void the_super_admin_creates_lists_grants_and_changes_a_password() throws ApiException {
    ApiClient rootSession = client();
    new AccountApi(rootSession)
        .logIn(new Credentials().username(SUPER_ADMIN).password(SUPER_ADMIN_PASSWORD));
    UsersApi users = new UsersApi(rootSession);
    String name = uniqueName("gc");

    UUID id =
        users
            .createUser(
                new CreateUser().username(name).password(PASSWORD).role(CreateUser.RoleEnum.USER))
            .getId();
    UserPage page = users.listUsers(1000, 0L, "created_at", "DESC");
    assertTrue(
        page.getUsers().stream().anyMatch(user -> user.getId().equals(id)),
        "the new user is on the first page, newest first");
    users.grantAdmin(new TargetUser().username(name));
    users.changePassword(new ChangePassword().username(name).password("Changed-Pa55"));

    AccountApi theirs = new AccountApi(client());
    ApiException oldPassword =
        assertThrows(
            ApiException.class,
            () -> theirs.logIn(new Credentials().username(name).password(PASSWORD)));
    assertEquals(401, oldPassword.getCode());
    theirs.logIn(new Credentials().username(name).password("Changed-Pa55"));
    assertEquals(User.RoleEnum.ADMIN, theirs.showOwnAccount().getRole());
    new AccountApi(rootSession).logOut();
  }

  /** A generated client of its own, with its own cookie store, aimed at the deployment. */
  private ApiClient client() {
    ApiClient client = new ApiClient();
    client.updateBaseUri(base.toString().replaceAll("/+$", ""));
    client.setHttpClientBuilder(HttpClient.newBuilder().cookieHandler(new CookieManager()));
    return client;
  }
}
