package io.cleanusers.domain.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five username rules, in order, first failure wins; case kept, unique without
 * (docs/contract/accounts.md, "Username rules" and "Username case").
 */
class UsernameTest {

  static final String LENGTH = "Username must be between 5 and 20 characters.";
  static final String START = "Username must start with a letter (A-Z, a-z) or a digit (0-9).";
  static final String CHARACTERS =
      "Username can only contain letters (A-Z, a-z), digits (0-9),"
          + " dots (.), hyphens (-), and underscores (_).";
  static final String CONSECUTIVE =
      "Username cannot contain consecutive special characters like .., --, or __.";
  static final String END = "Username must end with a letter (A-Z, a-z) or a digit (0-9).";

  private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

  private static String refusal(String name) {
    return assertThrows(DomainValidationException.class, () -> new Username(name)).getMessage();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alice",
        "Alice",
        "12345",
        "a1b2c",
        "john.doe",
        "j-o_h.n9",
        "A2345678901234567890",
        "x.y-z_0"
      })
  void valid_names_are_accepted(String name) {
    assertEquals(name, new Username(name).value());
  }

  @Test
  void four_characters_are_too_short() {
    assertEquals(LENGTH, refusal("abcd"));
  }

  @Test
  void five_characters_are_enough() {
    assertDoesNotThrow(() -> new Username("abcde"));
  }

  @Test
  void twenty_characters_are_allowed() {
    assertDoesNotThrow(() -> new Username("a".repeat(20)));
  }

  @Test
  void twenty_one_characters_are_too_long() {
    assertEquals(LENGTH, refusal("a".repeat(21)));
  }

  @Test
  void an_empty_name_breaks_the_length_rule() {
    assertEquals(LENGTH, refusal(""));
  }

  @Test
  void five_emoji_are_five_characters_so_they_fail_the_start_rule_not_the_length_rule() {
    assertEquals(START, refusal(EMOJI.repeat(5)));
  }

  @Test
  void eleven_emoji_are_eleven_characters_not_twenty_two() {
    assertEquals(START, refusal(EMOJI.repeat(11)));
  }

  @Test
  void three_emoji_are_three_characters_not_six() {
    assertEquals(LENGTH, refusal(EMOJI.repeat(3)));
  }

  @Test
  void a_name_ending_in_an_emoji_counts_it_as_one_character() {
    // 19 letters + 1 emoji = 20 code points (21 UTF-16 units): length passes, characters fail.
    assertEquals(CHARACTERS, refusal("a".repeat(19) + EMOJI));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"_alice", ".alice", "-alice", " alice", "élise", "\u0661\u0662\u0663\u0664\u0665"})
  void a_name_must_start_with_an_ascii_letter_or_digit(String name) {
    assertEquals(START, refusal(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ali ce", "alice!", "al@ice", "alicé1", "ali+ce", "ali/ce", "al\u0131ce"})
  void a_name_may_only_contain_ascii_letters_digits_dots_hyphens_and_underscores(String name) {
    assertEquals(CHARACTERS, refusal(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"al..ice", "al--ice", "al__ice", "al._ice", "al-.ice", "al_-ice"})
  void a_name_cannot_hold_two_special_characters_in_a_row(String name) {
    assertEquals(CONSECUTIVE, refusal(name));
  }

  /** The first and last letter or digit of each ASCII range, at either end of a name. */
  @ParameterizedTest
  @ValueSource(strings = {"aaaaa", "zzzzz", "AAAAA", "ZZZZZ", "00000", "99999", "a-z.A_Z", "Z.0-9"})
  void the_edges_of_the_letter_and_digit_ranges_are_letters_and_digits(String name) {
    assertEquals(name, new Username(name).value());
  }

  /** The characters just outside each ASCII range: @ [ ` { / : */
  @ParameterizedTest
  @ValueSource(strings = {"@alice", "[alice", "`alice", "{alice", "/alice", ":alice"})
  void the_characters_next_to_the_letter_and_digit_ranges_cannot_start_a_name(String name) {
    assertEquals(START, refusal(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice_", "alice.", "alice-"})
  void a_name_must_end_with_an_ascii_letter_or_digit(String name) {
    assertEquals(END, refusal(name));
  }

  @Test
  void the_length_rule_wins_over_every_other() {
    assertEquals(LENGTH, refusal("_a!"));
  }

  @Test
  void the_start_rule_wins_over_the_character_rule() {
    assertEquals(START, refusal("_al!ce"));
  }

  @Test
  void the_character_rule_wins_over_the_consecutive_rule() {
    assertEquals(CHARACTERS, refusal("al!..ce"));
  }

  @Test
  void the_consecutive_rule_wins_over_the_end_rule() {
    assertEquals(CONSECUTIVE, refusal("al..ce_"));
  }

  @Test
  void a_name_keeps_the_case_it_was_given() {
    assertEquals("AliCe.Doe", new Username("AliCe.Doe").value());
  }

  @Test
  void the_key_is_the_lower_case_name() {
    assertEquals("alice.doe", new Username("AliCe.Doe").key());
  }

  @Test
  void names_differing_only_in_case_share_a_key() {
    assertEquals(new Username("ALICE").key(), new Username("alice").key());
  }

  @Test
  void different_names_have_different_keys() {
    assertNotEquals(new Username("alice").key(), new Username("alice1").key());
  }

  @Test
  void the_key_does_not_depend_on_the_default_locale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertEquals("ilike", new Username("ILIKE").key());
    } finally {
      Locale.setDefault(saved);
    }
  }
}
