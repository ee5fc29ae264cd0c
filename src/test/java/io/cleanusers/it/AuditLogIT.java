package io.cleanusers.it;

import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Secrets.PASSWORDS;
import static io.cleanusers.it.support.Secrets.TOKENS;
import static io.cleanusers.it.support.Secrets.password;
import static io.cleanusers.it.support.ServerLog.awaitLogContaining;
import static io.cleanusers.it.support.ServerLog.logFiles;
import static io.cleanusers.it.support.TestSettings.CONFIG;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.support.AccountApiTest;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.Jwt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The log: an audit line per security event, and no secret ever written; the secrets check runs
 * last to see as much activity as possible.
 */
@Tag(ScriptedServer.OWN_SERVER)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditLogIT extends AccountApiTest {

  /**
   * The tests call the server on this machine, so an audit line's client is a loopback address (in
   * the text form or the JSON one).
   */
  private static final Pattern LOOPBACK_CLIENT =
      Pattern.compile("client\"?[=:]\"?(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1)\\b");

  // -------------------------------------------------------------------------- the log

  @Test
  void security_events_leave_an_audit_line_with_request_id_and_username() {
    String name = uniqueName("audit");
    String password = password();
    Map<String, ApiResponse> events = new LinkedHashMap<>();
    events.put("signup", signUp(withRequestId("audit-signup-" + name), name, password));
    events.put("login failure", logIn(withRequestId("audit-fail-" + name), name, password()));
    ApiResponse login = logIn(withRequestId("audit-login-" + name), name, password);
    events.put("login success", login);
    events.put("logout", logOut(withRequestId("audit-logout-" + name).withToken(login.token())));
    assertEquals(
        List.of(201, 401, 204, 204), events.values().stream().map(ApiResponse::status).toList());

    List<String> expected =
        List.of("audit-signup-", "audit-fail-", "audit-login-", "audit-logout-");
    String log = awaitLogContaining(expected.stream().map(p -> p + name).toList());
    List<String> lines = log.lines().toList();
    for (String prefix : expected) {
      String requestId = prefix + name;
      assertTrue(
          lines.stream().anyMatch(l -> l.contains(requestId) && l.contains(name)),
          "no log line with request id " + requestId + " and user " + name);
      assertTrue(
          lines.stream().anyMatch(l -> l.contains(requestId) && LOOPBACK_CLIENT.matcher(l).find()),
          "no log line with request id " + requestId + " and this test's loopback address");
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void the_server_log_never_contains_a_password_the_pepper_the_jwt_secret_or_a_token() {
    // Self-contained: its own activity, plus whatever the other tests did before it.
    String name = uniqueName("logcheck");
    String password = password();
    assertEquals(201, signUp(api, name, password).status());
    assertEquals(401, logIn(api, name, password()).status());
    ApiResponse login = logIn(withRequestId("logcheck-" + name), name, password);
    assertEquals(204, login.status());
    assertAuthenticated(login.token());
    assertEquals(204, logOut(api.withToken(login.token())).status());

    String log = awaitLogContaining(List.of("logcheck-" + name));
    assertFalse(log.isBlank(), "empty server log");

    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("the pepper", CONFIG.password().pepper());
    secrets.put("the JWT secret", Jwt.secret());
    secrets.put("the bootstrap password", SUPER_ADMIN_PASSWORD);
    int i = 0;
    for (String used : PASSWORDS) {
      secrets.put("password #" + ++i + " (" + used.length() + " chars)", used);
    }
    i = 0;
    for (String token : TOKENS) {
      secrets.put("token #" + ++i, token);
      String signature = token.substring(token.lastIndexOf('.') + 1);
      if (signature.length() >= 20) {
        secrets.put("signature of token #" + i, signature);
      }
    }
    assertTrue(PASSWORDS.contains(password) && TOKENS.contains(login.token()));
    List<String> leaked =
        secrets.entrySet().stream()
            .filter(e -> log.contains(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(List.of(), leaked, "secrets found in " + logFiles());
  }
}
