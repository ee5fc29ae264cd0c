package io.cleanusers.infrastructure.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Session ids: 256 random bits as 43 URL-safe characters, never the same twice. */
class SessionIdsTest {

  private final SessionIds ids = new SessionIds();

  @Test
  void an_id_is_43_url_safe_characters() {
    String id = ids.next();
    assertTrue(id.matches("[A-Za-z0-9_-]{43}"), id);
  }

  @Test
  void ids_do_not_repeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      seen.add(ids.next());
    }
    assertEquals(1000, seen.size());
  }
}
