package io.cleanusers.it;

import static io.cleanusers.it.support.Routes.USERS;
import static io.cleanusers.it.support.TestSettings.CONFIG;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN;
import static io.cleanusers.it.support.TestSettings.SUPER_ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.it.fuzz.ContractOracle;
import io.cleanusers.it.fuzz.FuzzRequest;
import io.cleanusers.it.fuzz.FuzzTally;
import io.cleanusers.it.fuzz.HostileRequests;
import io.cleanusers.it.fuzz.RawHttp;
import io.cleanusers.it.fuzz.RawResponse;
import io.cleanusers.it.fuzz.Route;
import io.cleanusers.it.fuzz.ServerQuirk;
import io.cleanusers.it.fuzz.Sessions;
import io.cleanusers.it.fuzz.Sessions.Account;
import io.cleanusers.it.support.ApiClient;
import io.cleanusers.it.support.ApiResponse;
import io.cleanusers.it.support.ApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile-input guarantee (docs/contract/errors.md, "Hostile input"): a seeded fuzzer sends at
 * least 10,000 malformed or hostile requests over every route, anonymous, with forged tokens and
 * with genuine sessions of each role, and checks every answer against the contract ({@link
 * ContractOracle}). The seed is fixed unless {@code -Dfuzz.seed=...} says otherwise; {@code
 * -Dfuzz.requests=...} changes the count. A failure names the seed and the exact requests that
 * broke the contract.
 */
@Tag(ScriptedServer.OWN_SERVER)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FuzzIT extends ApiTest {

  private static final long DEFAULT_SEED = 20_251_124L;
  private static final int MIN_REQUESTS = 10_000;
  private static final int SHOWN_FAILURES = 10;
  private static final String VICTIM_PASSWORD = "Victim-Pa55word";
  private static final Path FAILURES = Path.of("target", "fuzz-failures.txt");

  @Test
  void hostile_requests_on_every_route_get_contractual_answers_only() {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    int count = Integer.getInteger("fuzz.requests", MIN_REQUESTS);
    Random random = new Random(seed);
    String tag = Long.toString(seed, 36) + Long.toString(System.nanoTime() % 46_656, 36);

    Account admin = new Account("fzh-adm-" + tag, "Holder-Pa55-" + tag);
    Account user = new Account("fzh-usr-" + tag, "Holder-Pa55-" + tag);
    Sessions sessions =
        new Sessions(
            api,
            CONFIG.session().jwtSecret(),
            new Account(SUPER_ADMIN, SUPER_ADMIN_PASSWORD),
            admin,
            user);
    String root = sessions.token(Sessions.Kind.SUPER_ADMIN, false, random);
    create(api, root, admin, "admin");
    create(api, root, user, "user");
    List<String> victims = IntStream.range(0, 8).mapToObj(i -> "fzv" + i + "-" + tag).toList();
    for (int i = 0; i < victims.size(); i++) {
      create(api, root, new Account(victims.get(i), VICTIM_PASSWORD), i < 2 ? "admin" : "user");
    }

    HostileRequests requests =
        new HostileRequests(
            random, sessions, base.getPort(), victims, VICTIM_PASSWORD, "fzn" + tag);
    ContractOracle oracle =
        new ContractOracle(
            Map.of(
                "the pepper", CONFIG.password().pepper(),
                "the JWT secret", CONFIG.session().jwtSecret(),
                "the bootstrap password", SUPER_ADMIN_PASSWORD),
            ServerQuirk.ofServerUnderTest());
    RawHttp http = new RawHttp(base.getPort());
    FuzzTally tally = new FuzzTally();
    List<String> failures = new ArrayList<>();
    int serviceServerErrors = 0;

    long started = System.nanoTime();
    for (int n = 1; n <= count; n++) {
      FuzzRequest request = requests.next();
      List<String> problems;
      int status;
      RawResponse response = null;
      try {
        response = http.send(request);
        status = response.status();
        problems = oracle.violations(request, response);
        if (status >= 500 && response.header("X-Request-Id").isPresent()) {
          serviceServerErrors++;
        }
      } catch (IOException | RuntimeException e) {
        status = 0;
        problems = List.of("no answer: " + e);
      }
      tally.count(request, status);
      if (!problems.isEmpty()) {
        failures.add(
            "#" + n + " " + problems + "\n  request: " + request + "\n  answer: " + response);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    System.out.printf(
        "FuzzIT: seed %d (rerun with -Dfuzz.seed=%d), %d requests in %d ms,"
            + " %d broke the contract; 5xx from the service: %d, from the listener (malformed"
            + " HTTP): %d%n%s%n",
        seed,
        seed,
        tally.requests(),
        millis,
        failures.size(),
        serviceServerErrors,
        tally.serverErrors() - serviceServerErrors,
        tally.report());
    failures.stream().limit(SHOWN_FAILURES).forEach(f -> System.out.println("FuzzIT: " + f));
    writeAll(failures);

    assertEquals(
        List.of(),
        failures.stream().limit(SHOWN_FAILURES).toList(),
        "seed "
            + seed
            + " (rerun with -Dfuzz.seed="
            + seed
            + "): "
            + failures.size()
            + " of "
            + tally.requests()
            + " answers broke the contract; the first ones, with the exact"
            + " request:");
    assertTrue(tally.requests() >= MIN_REQUESTS, "fewer requests than " + MIN_REQUESTS);
    assertAuthorisedPathsReached(tally);
  }

  /** Genuine sessions got past authentication: each protected route succeeded at least once. */
  private static void assertAuthorisedPathsReached(FuzzTally tally) {
    Map<Route, Integer> successes =
        Map.of(
            Route.LOGOUT,
            204,
            Route.CREATE_USER,
            201,
            Route.LIST_USERS,
            200,
            Route.INACTIVATE,
            204,
            Route.REACTIVATE,
            204,
            Route.GRANT,
            204,
            Route.REVOKE,
            204,
            Route.CHANGE_PASSWORD,
            204);
    successes.forEach(
        (route, status) ->
            assertTrue(
                tally.of(route, status) > 0,
                route
                    + " never answered "
                    + status
                    + ": the fuzzer's sessions did not get through"));
  }

  /** Every failure, for reading beyond the first few: target/fuzz-failures.txt. */
  private static void writeAll(List<String> failures) {
    try {
      Files.write(FAILURES, failures);
      System.out.println("FuzzIT: all failures written to " + FAILURES.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void create(ApiClient api, String rootToken, Account account, String role) {
    ApiResponse response =
        api.withToken(rootToken)
            .post(
                USERS,
                "{\"username\":\""
                    + account.username()
                    + "\",\"password\":\""
                    + account.password()
                    + "\",\"role\":\""
                    + role
                    + "\"}");
    assertEquals(201, response.status(), "creating " + account.username() + ": " + response);
  }
}
