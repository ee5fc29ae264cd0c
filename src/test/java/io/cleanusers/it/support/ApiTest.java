package io.cleanusers.it.support;

import static io.cleanusers.it.support.Bodies.credentials;
import static io.cleanusers.it.support.Secrets.remembered;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every Arquillian test of the API needs: the built WAR as the deployment, its address, a
 * client without a session, and logging in (the bootstrap super admin too).
 */
public abstract class ApiTest {

  @Deployment(testable = false)
  public static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource protected URL deployed;

  /** The deployment's loopback address. */
  protected URI base;

  /** No session. */
  protected ApiClient api;

  @BeforeEach
  void anonymousClient() {
    base = Deployments.loopback(deployed);
    api = new ApiClient(base);
  }

  /** POST login; the token it sets is remembered for the log check. */
  protected static ApiResponse logIn(ApiClient client, String name, String password) {
    return remembered(client.post(Routes.LOGIN, credentials(name, password)));
  }

  /** The token of a fresh session, which must open (204). */
  protected String loggedIn(String name, String password) {
    ApiResponse response = logIn(api, name, password);
    assertEquals(204, response.status(), "log-in of " + name + ": " + response);
    return response.token();
  }

  /** A client holding a fresh session of the bootstrap super admin. */
  protected ApiClient superAdmin() {
    assertTrue(
        SUPER_ADMIN != null && SUPER_ADMIN_PASSWORD != null,
        "it.superadmin.username / it.superadmin.password must be set (failsafe)");
    return api.withToken(loggedIn(SUPER_ADMIN, SUPER_ADMIN_PASSWORD));
  }
}
