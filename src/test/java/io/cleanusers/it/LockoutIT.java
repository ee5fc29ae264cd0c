package io.cleanusers.it;

import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Rows.sessionsOf;
import static io.cleanusers.it.support.Secrets.password;
import static io.cleanusers.it.support.TestSettings.CONFIG;
import static io.cleanusers.it.support.TestSettings.LOCKOUT_SECONDS;
import static io.cleanusers.it.support.TestSettings.MAX_FAILURES;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleanusers.it.support.AccountApiTest;
import io.cleanusers.it.support.ApiResponse;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The brute-force lockout of log-in (docs/contract/sessions.md#lockout-back-off): 429 with
 * Retry-After after too many failures, for any letter case and unknown names alike, its doubling,
 * and what resets it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LockoutIT extends AccountApiTest {

  @Test
  void login_is_locked_with_429_and_retry_after_after_max_failures() {
    Account account = newAccount("lock");
    failLogins(account.name(), MAX_FAILURES);

    ApiResponse locked = logIn(api, account.name(), password());
    assertLocked(locked, 1, LOCKOUT_SECONDS);
    // the rules (400) still come before the lockout
    ApiResponse malformed = logIn(api, account.name(), "x");
    assertEquals(400, malformed.status(), malformed.toString());
  }

  @Test
  void the_right_password_is_refused_with_429_while_the_name_is_locked() {
    Account account = newAccount("lockright");
    failLogins(account.name(), MAX_FAILURES);

    ApiResponse locked = logIn(api, account.name(), account.password());
    assertLocked(locked, 1, LOCKOUT_SECONDS);
    assertEquals(1, sessionsOf(account.id()));
  }

  @Test
  void failures_count_regardless_of_letter_case_and_the_lock_covers_every_case() {
    Account account = newAccount("LockCase");
    String lower = account.name().toLowerCase(Locale.ROOT);
    String upper = account.name().toUpperCase(Locale.ROOT);
    for (int i = 0; i < MAX_FAILURES; i++) {
      ApiResponse failed = logIn(api, i % 2 == 0 ? lower : upper, password());
      assertEquals(401, failed.status(), "attempt " + (i + 1) + ": " + failed);
    }
    assertLocked(logIn(api, account.name(), account.password()), 1, LOCKOUT_SECONDS);
    assertLocked(logIn(api, upper, password()), 1, LOCKOUT_SECONDS);
  }

  @Test
  void an_unknown_name_is_locked_just_like_an_existing_one() {
    Account account = newAccount("lockknown");
    failLogins(account.name(), MAX_FAILURES);
    ApiResponse existing = logIn(api, account.name(), password());

    String ghost = uniqueName("lockghost");
    failLogins(ghost, MAX_FAILURES);
    ApiResponse unknown = logIn(api, ghost.toUpperCase(Locale.ROOT), password());

    assertLocked(unknown, 1, LOCKOUT_SECONDS);
    assertEquals(existing.body(), unknown.body());
  }

  @Test
  void after_the_lockout_the_right_password_logs_in_and_the_lockout_history_is_forgotten()
      throws InterruptedException {
    Account account = newAccount("unlock");
    failLogins(account.name(), MAX_FAILURES);
    assertLocked(logIn(api, account.name(), password()), 1, LOCKOUT_SECONDS);

    Thread.sleep(LOCKOUT_SECONDS * 1000L + 500);
    ApiResponse success = logIn(api, account.name(), account.password());
    assertEquals(204, success.status(), success.toString());

    // The success reset everything: the next lockout is a first one again (not doubled).
    failLogins(account.name(), MAX_FAILURES);
    assertLocked(logIn(api, account.name(), password()), 1, LOCKOUT_SECONDS);
  }

  @Test
  void a_successful_login_resets_the_consecutive_failure_count() {
    Account account = newAccount("reset");
    failLogins(account.name(), MAX_FAILURES - 1);
    assertEquals(204, logIn(api, account.name(), account.password()).status());
    failLogins(account.name(), MAX_FAILURES - 1);
    ApiResponse response = logIn(api, account.name(), account.password());
    assertEquals(204, response.status(), response.toString());
  }

  @Test
  void a_further_lockout_lasts_twice_as_long() throws InterruptedException {
    Account account = newAccount("doubling");
    failLogins(account.name(), MAX_FAILURES);
    assertLocked(logIn(api, account.name(), password()), 1, LOCKOUT_SECONDS);

    Thread.sleep(LOCKOUT_SECONDS * 1000L + 500);
    ApiResponse response = null;
    for (int i = 0; i <= MAX_FAILURES; i++) {
      response = logIn(api, account.name(), password());
      if (response.status() == 429) {
        break;
      }
      assertEquals(401, response.status(), response.toString());
    }
    assertLocked(response, 2L * LOCKOUT_SECONDS - 1, 2L * LOCKOUT_SECONDS);
  }

  @Test
  void malformed_names_and_passwords_are_400_and_do_not_count_towards_the_lockout() {
    Account account = newAccount("nocount");
    int min = CONFIG.password().minLength();
    for (int i = 0; i < MAX_FAILURES * 2; i++) {
      ApiResponse shortPassword = logIn(api, account.name(), "x".repeat(min - 1));
      assertEquals(400, shortPassword.status(), shortPassword.toString());
      ApiResponse longPassword = logIn(api, account.name(), "y".repeat(1025));
      assertEquals(400, longPassword.status(), longPassword.toString());
      ApiResponse badName = logIn(api, account.name() + "!", password());
      assertEquals(400, badName.status(), badName.toString());
    }
    ApiResponse response = logIn(api, account.name(), account.password());
    assertEquals(204, response.status(), response.toString());
  }
}
