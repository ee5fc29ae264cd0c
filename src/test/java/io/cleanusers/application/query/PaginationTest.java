package io.cleanusers.application.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A page holds 1 to 1000 users and starts at an offset of 0 or more (docs/contract/routes.md, "List
 * users").
 */
class PaginationTest {

  @ParameterizedTest(name = "limit {0}, offset {1}")
  @CsvSource({"1, 0", "1000, 0", "20, 0", "20, 5000000000"})
  void limits_from_1_to_1000_and_offsets_from_0_make_a_page(int limit, long offset) {
    Pagination page = new Pagination(limit, offset);
    assertEquals(limit, page.limit());
    assertEquals(offset, page.offset());
  }

  @ParameterizedTest(name = "limit {0}, offset {1}")
  @CsvSource({"0, 0", "-1, 0", "1001, 0", "20, -1"})
  void anything_else_is_no_page(int limit, long offset) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> new Pagination(limit, offset));
    assertEquals("limit 1..1000, offset >= 0", refused.getMessage());
  }
}
