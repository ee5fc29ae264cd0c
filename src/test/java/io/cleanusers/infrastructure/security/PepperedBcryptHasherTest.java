package io.cleanusers.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.PasswordHasherBusyException;
import io.cleanusers.domain.user.RawPassword;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bcrypt over Base64(HMAC-SHA256(pepper, password)), the original project's scheme (its vectors
 * verify here), on a bounded number of slots (docs/contract/accounts.md, "Password hashing" and
 * "Hasher pool").
 */
class PepperedBcryptHasherTest {

  private static final String PEPPER = "Habanero!";
  private static final String ORIGINAL_HASH =
      "$2b$12$REB9l07N/HD.HuM.M.Cpie/tzafjE.dG1RvB3bWeHcFWz5OKszlUK";
  private static final String UNICODE_PASSWORD = "пароль-№-\uD83D\uDD11";
  private static final String UNICODE_HASH =
      "$2b$04$f50eINQUidlGVw4LTagESuzyoZ0mGJX8AYljree8LAM2rPxueHkhK";

  private static PepperedBcryptHasher hasher(String pepper) {
    return new PepperedBcryptHasher(pepper, 4, 2, 1000);
  }

  private static RawPassword password(String value) {
    return RawPassword.offered(value);
  }

  @Test
  void the_pre_hash_is_base64_of_hmac_sha256_keyed_with_the_pepper() {
    assertEquals(
        "2qVbzKqzctfRPSC8Y1MHSywGz+s8ETgmh5vBj2O2ZUY=", hasher(PEPPER).preHash("test_password"));
  }

  @Test
  void the_pre_hash_is_44_ascii_characters_whatever_the_password() {
    String preHash = hasher(PEPPER).preHash("p".repeat(1024));
    assertEquals(44, preHash.length());
    assertTrue(preHash.chars().allMatch(c -> c < 128));
  }

  @Test
  void a_hash_stored_by_the_original_project_verifies() {
    assertTrue(hasher(PEPPER).verify(password("test_password"), new PasswordHash(ORIGINAL_HASH)));
  }

  @Test
  void a_non_ascii_password_stored_by_the_original_project_verifies() {
    assertTrue(hasher(PEPPER).verify(password(UNICODE_PASSWORD), new PasswordHash(UNICODE_HASH)));
  }

  @Test
  void the_2a_spelling_of_a_stored_hash_verifies_too() {
    String as2a = UNICODE_HASH.replaceFirst("^\\$2b\\$", "\\$2a\\$");
    assertTrue(hasher(PEPPER).verify(password(UNICODE_PASSWORD), new PasswordHash(as2a)));
  }

  @Test
  void a_wrong_pepper_does_not_verify() {
    assertFalse(
        hasher("Jalapeno!").verify(password(UNICODE_PASSWORD), new PasswordHash(UNICODE_HASH)));
  }

  @Test
  void a_wrong_password_does_not_verify() {
    assertFalse(hasher(PEPPER).verify(password("пароль-№-"), new PasswordHash(UNICODE_HASH)));
  }

  @Test
  void something_that_is_not_a_bcrypt_hash_does_not_verify() {
    PepperedBcryptHasher hasher = hasher(PEPPER);
    assertFalse(hasher.verify(password("test_password"), new PasswordHash("")));
    assertFalse(hasher.verify(password("test_password"), new PasswordHash("plain-text")));
    assertFalse(
        hasher.verify(
            password("test_password"),
            new PasswordHash("$2y$04$f50eINQUidlGVw4LTagESuzyoZ0mGJX8AYljree8LAM2rPxueHkhK")));
  }

  @Test
  void a_new_hash_is_a_60_character_bcrypt_string_with_the_configured_cost() {
    String hash =
        new PepperedBcryptHasher(PEPPER, 5, 1, 1000).hash(password("test_password")).value();
    assertEquals(60, hash.length());
    assertTrue(hash.matches("^\\$2[ab]\\$05\\$[./A-Za-z0-9]{53}$"), hash);
  }

  @Test
  void every_hash_gets_a_fresh_salt_and_both_verify() {
    PepperedBcryptHasher hasher = hasher(PEPPER);
    PasswordHash first = hasher.hash(password("test_password"));
    PasswordHash second = hasher.hash(password("test_password"));
    assertNotEquals(first.value(), second.value());
    assertNotEquals(first.value().substring(0, 29), second.value().substring(0, 29));
    assertTrue(hasher.verify(password("test_password"), first));
    assertTrue(hasher.verify(password("test_password"), second));
  }

  @Test
  void a_new_hash_does_not_verify_another_password() {
    PepperedBcryptHasher hasher = hasher(PEPPER);
    assertFalse(hasher.verify(password("other_password"), hasher.hash(password("test_password"))));
  }

  @Test
  void a_hash_made_here_verifies_with_the_same_pepper_only() {
    PasswordHash hash = hasher(PEPPER).hash(password(UNICODE_PASSWORD));
    assertTrue(hasher(PEPPER).verify(password(UNICODE_PASSWORD), hash));
    assertFalse(hasher("Habanero?").verify(password(UNICODE_PASSWORD), hash));
  }

  @Test
  void with_no_slot_at_all_a_caller_is_told_the_hasher_is_busy() {
    PepperedBcryptHasher none = new PepperedBcryptHasher(PEPPER, 4, 0, 1);
    assertThrows(PasswordHasherBusyException.class, () -> none.hash(password("test_password")));
    assertThrows(
        PasswordHasherBusyException.class,
        () -> none.verify(password(UNICODE_PASSWORD), new PasswordHash(UNICODE_HASH)));
  }

  /**
   * One slot, held by a slow hash (cost 13, a good fraction of a second) in another thread. Quick
   * cost-4 checks from this thread are tried again and again while the slow hash runs; once it
   * holds the slot, a check must give up after maxWait (50 ms, far below the slow hash's time)
   * instead of waiting for it. The slow hash retries until it gets the slot, so which thread wins
   * the first race does not matter. A pool without a bound never says busy, and the test fails.
   */
  @Test
  void a_caller_that_cannot_get_a_slot_within_the_wait_is_told_the_hasher_is_busy()
      throws Exception {
    PepperedBcryptHasher oneSlot = new PepperedBcryptHasher(PEPPER, 13, 1, 50);
    PasswordHash quick = new PasswordHash(UNICODE_HASH);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch starting = new CountDownLatch(1);
      Future<PasswordHash> slow =
          other.submit(
              () -> {
                starting.countDown();
                while (true) {
                  try {
                    return oneSlot.hash(password("test_password"));
                  } catch (PasswordHasherBusyException busy) {
                    // this thread lost the race for the slot to a quick check: try again
                  }
                }
              });
      starting.await();
      boolean toldBusy = false;
      while (!toldBusy && !slow.isDone()) {
        try {
          assertTrue(oneSlot.verify(password(UNICODE_PASSWORD), quick));
        } catch (PasswordHasherBusyException busy) {
          toldBusy = true;
        }
      }
      assertTrue(toldBusy, "a second caller was never refused while the only slot was taken");
      assertEquals(
          60,
          slow.get(30, TimeUnit.SECONDS).value().length(),
          "the slow hash itself completes normally");
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void a_slot_is_given_back_after_use() {
    PepperedBcryptHasher oneSlot = new PepperedBcryptHasher(PEPPER, 4, 1, 1);
    for (int i = 0; i < 5; i++) {
      assertTrue(oneSlot.verify(password(UNICODE_PASSWORD), new PasswordHash(UNICODE_HASH)));
    }
  }
}
