package io.cleanusers.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** TOML as MicroProfile keys: {@code [a.b] KEY} becomes {@code a.b.KEY}; arrays become lists. */
class TomlConfigSourceTest {

  private static TomlConfigSource read(String toml) {
    return TomlConfigSource.read(
        "test.toml", 250, new ByteArrayInputStream(toml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void a_key_of_a_section_is_named_section_dot_key() {
    assertEquals("5432", read("[postgres]\nPORT = 5432\n").getValue("postgres.PORT"));
  }

  @Test
  void a_dotted_section_keeps_every_part_of_its_name() {
    TomlConfigSource source = read("[security.auth]\nJWT_SECRET = \"s3cr3t\"\n");
    assertEquals("s3cr3t", source.getValue("security.auth.JWT_SECRET"));
    assertEquals(Set.of("security.auth.JWT_SECRET"), source.getPropertyNames());
  }

  @Test
  void keys_keep_their_letter_case() {
    TomlConfigSource source = read("[app]\nENV = \"local\"\n");
    assertEquals("local", source.getValue("app.ENV"));
    assertNull(source.getValue("app.env"));
  }

  @Test
  void a_top_level_key_has_no_prefix() {
    assertEquals("x", read("NAME = \"x\"\n").getValue("NAME"));
  }

  @Test
  void numbers_booleans_and_decimals_become_their_text() {
    TomlConfigSource source = read("[s]\nI = 8080\nB = false\nD = 0.2\n");
    assertEquals("8080", source.getValue("s.I"));
    assertEquals("false", source.getValue("s.B"));
    assertEquals("0.2", source.getValue("s.D"));
  }

  @Test
  void an_array_becomes_a_comma_separated_list() {
    assertEquals(
        "https://a.example,https://b.example",
        read("[http]\nALLOWED_ORIGINS = [\"https://a.example\", \"https://b.example\"]\n")
            .getValue("http.ALLOWED_ORIGINS"));
  }

  @Test
  void a_comma_inside_an_array_item_is_escaped() {
    assertEquals("a\\,b,c", read("L = [\"a,b\", \"c\"]\n").getValue("L"));
  }

  @Test
  void an_empty_array_becomes_an_empty_value() {
    assertEquals("", read("[http]\nALLOWED_ORIGINS = []\n").getValue("http.ALLOWED_ORIGINS"));
  }

  @Test
  void an_empty_string_stays_empty() {
    assertEquals(
        "",
        read("[bootstrap]\nSUPER_ADMIN_USERNAME = \"\"\n")
            .getValue("bootstrap.SUPER_ADMIN_USERNAME"));
  }

  @Test
  void the_source_keeps_its_name_and_ordinal() {
    TomlConfigSource source = read("A = 1\n");
    assertEquals("test.toml", source.getName());
    assertEquals(250, source.getOrdinal());
  }

  @Test
  void a_syntax_error_names_the_source() {
    UncheckedIOException failure =
        assertThrows(UncheckedIOException.class, () -> read("[postgres\nPORT = \n"));
    assertTrue(failure.getMessage().contains("test.toml"), failure.getMessage());
  }
}
