package io.cleanusers.domain.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Password rules (docs/contract/accounts.md): at least MIN_LENGTH code points (the number follows
 * the setting), at most 1024.
 */
class PasswordPolicyTest {

  private static final String EMOJI = "\uD83D\uDD11"; // 🔑: one code point, two UTF-16 units

  private static String refusal(PasswordPolicy policy, String password) {
    return assertThrows(DomainValidationException.class, () -> policy.accept(password))
        .getMessage();
  }

  @Test
  void a_password_shorter_than_the_default_minimum_is_refused() {
    assertEquals(
        "Password must be at least 6 characters long.", refusal(new PasswordPolicy(6), "12345"));
  }

  @Test
  void the_minimum_in_the_message_follows_the_policy() {
    assertEquals(
        "Password must be at least 10 characters long.",
        refusal(new PasswordPolicy(10), "123456789"));
  }

  @Test
  void a_password_of_exactly_the_minimum_is_accepted() {
    assertEquals("1234567890", new PasswordPolicy(10).accept("1234567890").reveal());
  }

  @Test
  void a_password_of_1024_characters_is_accepted() {
    assertDoesNotThrow(() -> new PasswordPolicy(6).accept("p".repeat(1024)));
  }

  @Test
  void a_password_of_1025_characters_is_refused() {
    assertEquals(
        "Password must be at most 1024 characters long.",
        refusal(new PasswordPolicy(6), "p".repeat(1025)));
  }

  @Test
  void three_emoji_are_three_characters_so_they_are_too_short_for_six() {
    assertEquals(
        "Password must be at least 6 characters long.",
        refusal(new PasswordPolicy(6), EMOJI.repeat(3)));
  }

  @Test
  void six_emoji_meet_a_minimum_of_six() {
    assertDoesNotThrow(() -> new PasswordPolicy(6).accept(EMOJI.repeat(6)));
  }

  @Test
  void one_thousand_and_twenty_four_emoji_are_within_the_maximum() {
    assertDoesNotThrow(() -> new PasswordPolicy(6).accept(EMOJI.repeat(1024)));
  }

  @Test
  void one_thousand_and_twenty_five_emoji_are_over_the_maximum() {
    assertEquals(
        "Password must be at most 1024 characters long.",
        refusal(new PasswordPolicy(6), EMOJI.repeat(1025)));
  }

  @Test
  void a_password_never_prints_its_value() {
    RawPassword password = new PasswordPolicy(6).accept("hunter2-secret");
    assertFalse(password.toString().contains("hunter2"));
  }

  @Test
  void a_password_prints_as_a_mask_so_a_log_shows_one_was_there() {
    assertEquals("RawPassword[****]", new PasswordPolicy(6).accept("hunter2-secret").toString());
  }

  @Test
  void a_minimum_below_one_is_not_a_policy() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(0));
  }

  @Test
  void a_minimum_of_one_accepts_a_single_character() {
    assertEquals("x", new PasswordPolicy(1).accept("x").reveal());
  }

  @Test
  void a_minimum_of_1024_is_the_highest_and_then_only_1024_characters_pass() {
    PasswordPolicy strictest = new PasswordPolicy(1024);
    assertDoesNotThrow(() -> strictest.accept("p".repeat(1024)));
    assertEquals(
        "Password must be at least 1024 characters long.", refusal(strictest, "p".repeat(1023)));
  }

  @Test
  void a_minimum_above_the_maximum_is_not_a_policy() {
    assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(1025));
  }
}
