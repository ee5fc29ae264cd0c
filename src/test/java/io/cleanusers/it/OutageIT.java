package io.cleanusers.it;

import static io.cleanusers.it.support.Bodies.credentials;
import static io.cleanusers.it.support.ContractTexts.UNAVAILABLE;
import static io.cleanusers.it.support.Routes.LOGIN;
import static io.cleanusers.it.support.Routes.USERS;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.ApiTest;
import io.cleanusers.it.support.DatabaseProxy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outage guarantee (docs/contract/operations.md, "Database outage"; errors.md, "Service
 * unavailable"): while PostgreSQL is unreachable the service answers 503 (never 401 or 500) on what
 * needs the database, readiness is DOWN, and it recovers by itself within 10 s once the database is
 * back. The outage is the {@link DatabaseProxy} cut off, so the shared PostgreSQL keeps running for
 * everyone else.
 */
@Tag(ScriptedServer.OWN_SERVER)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutageIT extends ApiTest {

  private static final String PROTECTED = USERS + "?limit=1";
  private static final String READY = "/health/ready";
  private static final JsonObject UNAVAILABLE_BODY =
      Json.createObjectBuilder().add("description", UNAVAILABLE).build();

  /** A request that hangs fails the test instead of blocking it. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration RECOVERY = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(250);

  @BeforeEach
  void clientWithTimeout() {
    assertTrue(
        SUPER_ADMIN != null && SUPER_ADMIN_PASSWORD != null,
        "it.superadmin.username / it.superadmin.password must be set (failsafe)");
    api = api.withTimeout(REQUEST_TIMEOUT);
  }

  /** Whatever happened, later test classes get their database back. */
  @AfterEach
  void databaseBack() {
    DatabaseProxy.restore();
  }

  @Test
  void database_outage_is_503_and_the_service_recovers_within_10_s_of_its_return() {
    ApiResponse login = api.post(LOGIN, credentials(SUPER_ADMIN, SUPER_ADMIN_PASSWORD));
    assertEquals(204, login.status(), "log-in before the outage: " + login);
    ApiClient root = api.withToken(login.token());
    assertEquals(200, root.get(PROTECTED).status(), "protected route before the outage");
    assertReady(api.get(READY), "before the outage");

    DatabaseProxy.cut();

    ApiResponse ready = timed("readiness during the outage", () -> api.get(READY));
    assertEquals(503, ready.status(), "readiness during the outage: " + ready);
    assertEquals("DOWN", ready.json().getString("status"), ready.toString());

    ApiResponse protectedRoute =
        timed("protected route during the outage", () -> root.get(PROTECTED));
    assertUnavailable(protectedRoute, "protected route with a valid session");

    ApiResponse loginDuringOutage =
        timed(
            "log-in during the outage",
            () -> api.post(LOGIN, credentials(SUPER_ADMIN, SUPER_ADMIN_PASSWORD)));
    assertUnavailable(loginDuringOutage, "log-in");

    ApiResponse status = api.get("/api/v1/");
    assertEquals(200, status.status(), "the status route needs no database: " + status);

    DatabaseProxy.restore();
    long restored = System.nanoTime();
    long deadline = restored + RECOVERY.toNanos();

    ApiResponse answer = pollUntil(root, PROTECTED, 200, deadline);
    long protectedBack = System.nanoTime() - restored;
    ApiResponse readiness = pollUntil(api, READY, 200, deadline);
    long readyBack = System.nanoTime() - restored;
    System.out.printf(
        "OutageIT: after restore, protected route 200 in %d ms, readiness UP in" + " %d ms%n",
        protectedBack / 1_000_000, readyBack / 1_000_000);

    assertEquals(200, answer.status(), "protected route with the same session after recovery");
    assertReady(readiness, "after the database came back");
    ApiResponse again = api.post(LOGIN, credentials(SUPER_ADMIN, SUPER_ADMIN_PASSWORD));
    assertEquals(204, again.status(), "log-in after recovery: " + again);
  }

  /**
   * Polls every 250 ms until the route answers the wanted status; fails at the deadline with the
   * last answer (or the exception, e.g. a timeout) seen.
   */
  private static ApiResponse pollUntil(ApiClient client, String path, int wanted, long deadline) {
    String last = "no answer";
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        fail(
            path
                + " did not answer "
                + wanted
                + " within "
                + RECOVERY.toSeconds()
                + " s of the database's return; last: "
                + last);
      }
      try {
        ApiResponse response = client.withTimeout(Duration.ofNanos(left)).get(path);
        if (response.status() == wanted) {
          return response;
        }
        last =
            response
                + " "
                + response.header("Retry-After").map(r -> "(Retry-After " + r + ")").orElse("");
      } catch (UncheckedIOException e) {
        last = e.getCause().toString();
      }
      LockSupport.parkNanos(Math.min(POLL.toNanos(), Math.max(0, deadline - System.nanoTime())));
    }
  }

  /** The call's answer, its time printed; no answer within the request timeout fails. */
  private static ApiResponse timed(String what, Supplier<ApiResponse> call) {
    long start = System.nanoTime();
    ApiResponse response;
    try {
      response = call.get();
    } catch (UncheckedIOException e) {
      return fail(
          what + ": no answer within " + REQUEST_TIMEOUT.toSeconds() + " s (" + e.getCause() + ")",
          e);
    }
    System.out.printf(
        "OutageIT: %s: %d in %d ms%n",
        what, response.status(), (System.nanoTime() - start) / 1_000_000);
    return response;
  }

  private static void assertUnavailable(ApiResponse response, String what) {
    assertEquals(503, response.status(), what + " during the outage: " + response);
    assertEquals(UNAVAILABLE_BODY, response.json(), what + " body");
    assertTrue(response.header("Retry-After").isPresent(), what + ": no Retry-After header");
  }

  private static void assertReady(ApiResponse response, String when) {
    assertEquals(200, response.status(), "readiness " + when + ": " + response);
    assertEquals("UP", response.json().getString("status"), response.toString());
  }
}
