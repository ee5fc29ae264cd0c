package io.cleanusers.it;

import static io.cleanusers.it.support.ContractTexts.CROSS_SITE;
import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Rows.sessionsOf;
import static io.cleanusers.it.support.Rows.usersNamed;
import static io.cleanusers.it.support.Secrets.password;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.support.AccountApiTest;
import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cross-site refusal of the account routes (docs/contract/errors.md#cross-site-refusal): a
 * request a browser marks cross-site, or sends from a foreign origin, is 403 and changes nothing;
 * the service's own origin passes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CsrfIT extends AccountApiTest {

  @Test
  void signup_marked_cross_site_by_sec_fetch_site_is_403_and_creates_nothing() {
    assertCrossSiteSignupRefused(api.withHeader("Sec-Fetch-Site", "cross-site"));
  }

  @Test
  void signup_from_a_foreign_origin_is_403_and_creates_nothing() {
    assertCrossSiteSignupRefused(api.withHeader("Origin", "http://evil.example"));
  }

  private void assertCrossSiteSignupRefused(ApiClient crossSite) {
    String name = uniqueName("xsite");
    ApiResponse response = signUp(crossSite, name, password());
    assertEquals(403, response.status(), response.toString());
    assertEquals(CROSS_SITE, response.description());
    assertEquals(0, usersNamed(name));
  }

  @Test
  void signup_from_the_services_own_origin_is_allowed() {
    String name = uniqueName("sameorig");
    ApiResponse response =
        signUp(
            api.withHeader("Origin", ownOrigin()).withHeader("Sec-Fetch-Site", "same-origin"),
            name,
            password());
    assertEquals(201, response.status(), response.toString());
  }

  @Test
  void login_from_a_foreign_origin_is_403_without_a_cookie() {
    Account account = newAccount("evillogin");
    ApiResponse response =
        logIn(api.withHeader("Origin", "http://evil.example"), account.name(), account.password());
    assertEquals(403, response.status(), response.toString());
    assertEquals(CROSS_SITE, response.description());
    assertTrue(response.sessionCookie().isEmpty());
    assertEquals(1, sessionsOf(account.id()));
  }

  @Test
  void logout_marked_cross_site_is_403_and_the_session_survives() {
    Account account = newAccount("evilout");
    ApiResponse response =
        logOut(api.withToken(account.token()).withHeader("Sec-Fetch-Site", "cross-site"));
    assertEquals(403, response.status(), response.toString());
    assertEquals(CROSS_SITE, response.description());
    assertTrue(response.sessionCookie().isEmpty());
    assertAuthenticated(account.token());
  }
}
