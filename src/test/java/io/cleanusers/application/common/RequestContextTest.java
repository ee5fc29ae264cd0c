package io.cleanusers.application.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the log lines of a request say: "-" until the HTTP layer and the caller are known. */
class RequestContextTest {

  private final RequestContext context = new RequestContext();

  @Test
  void an_unstarted_request_names_nothing() {
    assertEquals("-", context.requestId());
    assertEquals("-", context.clientAddress());
    assertEquals(Optional.empty(), context.userId());
  }

  @Test
  void a_begun_request_carries_its_id_address_and_later_its_caller() {
    context.begin("req-1", "192.0.2.7");
    context.identify("user-9");
    assertEquals("req-1", context.requestId());
    assertEquals("192.0.2.7", context.clientAddress());
    assertEquals(Optional.of("user-9"), context.userId());
  }

  @Test
  void the_elapsed_time_counts_from_the_begin_in_milliseconds() throws InterruptedException {
    context.begin("req-1", "192.0.2.7");
    Thread.sleep(30);
    long elapsed = context.elapsedMillis();
    assertTrue(elapsed >= 30 && elapsed < 10_000, "elapsed " + elapsed);
  }
}
