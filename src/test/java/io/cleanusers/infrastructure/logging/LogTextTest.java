package io.cleanusers.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void missing_text_is_a_dash() {
    assertEquals("-", LogText.clean(null));
  }

  @Test
  void safe_text_comes_back_as_it_is() {
    String path = "/api/v1/users/?limit=20&sorting_order=DESC";
    assertSame(path, LogText.clean(path));
  }

  @Test
  void control_characters_quotes_and_backslashes_become_question_marks() {
    assertEquals("a?b?c?d?e?f", LogText.clean("a\nb\rc\u0000d\"e\\f"));
    assertEquals("del?tab?", LogText.clean("del\u007Ftab\t"));
  }

  @Test
  void text_beyond_200_characters_is_cut_and_marked() {
    String cleaned = LogText.clean("\"" + "x".repeat(300));
    assertEquals("?" + "x".repeat(199) + "...", cleaned);
    assertEquals("y".repeat(200), LogText.clean("y".repeat(200)));
  }

  @Test
  void letters_beyond_ascii_are_kept() {
    assertEquals("Zoë ünïcødé ✓", LogText.clean("Zoë ünïcødé ✓"));
  }
}
