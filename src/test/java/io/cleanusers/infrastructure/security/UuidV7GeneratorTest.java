package io.cleanusers.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.fakes.FixedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ids are UUID version 7 (RFC 9562), rendered lowercase canonical (docs/contract/accounts.md, "User
 * ids").
 */
class UuidV7GeneratorTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:34:56.789Z");

  private final FixedClock clock = new FixedClock(NOW);
  private final UuidV7Generator ids = new UuidV7Generator(clock);

  @Test
  void an_id_is_version_7() {
    assertEquals(7, ids.next().value().version());
  }

  @Test
  void an_id_has_the_rfc_variant() {
    assertEquals(2, ids.next().value().variant());
  }

  @Test
  void an_id_starts_with_the_unix_milliseconds_of_the_clock() {
    UUID id = ids.next().value();
    assertEquals(NOW.toEpochMilli(), id.getMostSignificantBits() >>> 16);
  }

  @Test
  void an_id_renders_lowercase_canonical() {
    for (int i = 0; i < 100; i++) {
      String text = ids.next().toString();
      assertTrue(
          text.matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"),
          text);
    }
  }

  @Test
  void ids_made_later_sort_after_earlier_ones() {
    String previous = ids.next().toString();
    for (int i = 0; i < 50; i++) {
      clock.advance(Duration.ofMillis(1));
      String next = ids.next().toString();
      assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
      previous = next;
    }
  }

  @Test
  void ids_made_in_the_same_millisecond_still_differ() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(ids.next().toString());
    }
    assertEquals(1000, seen.size());
  }

  @Test
  void two_ids_share_their_time_but_not_their_random_part() {
    UUID a = ids.next().value();
    UUID b = ids.next().value();
    assertEquals(a.getMostSignificantBits() >>> 16, b.getMostSignificantBits() >>> 16);
    assertNotEquals(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}
