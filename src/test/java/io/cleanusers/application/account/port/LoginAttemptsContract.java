package io.cleanusers.application.account.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cleanusers.application.account.policy.LockoutPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginAttempts} must do, run against the in-memory fake and the PostgreSQL
 * adapter alike: count a name's failures, start the lockout the policy asks for at the limit and
 * report it until it ends, start counting again after it, tell whether anything is on record for a
 * name (a successful log-in resets only such a name), and forget everything on request.
 */
public abstract class LoginAttemptsContract {

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final LockoutPolicy POLICY =
      new LockoutPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(25));

  /** A name no other test run has used, so a shared database needs no cleaning. */
  private final String name = "name-" + UUID.randomUUID();

  protected abstract LoginAttempts attempts();

  private Optional<Duration> fail(int times) {
    Optional<Duration> last = Optional.empty();
    for (int i = 0; i < times; i++) {
      last = attempts().countFailure(name, T0, POLICY);
    }
    return last;
  }

  private Optional<Duration> lockedFor(String key, Instant now) {
    return attempts().recordOf(key, now).lockedFor();
  }

  @Test
  void a_name_without_failures_has_nothing_on_record() {
    assertEquals(ThrottleRecord.NONE, attempts().recordOf(name, T0));
  }

  @Test
  void a_counted_failure_is_on_record_without_a_lockout() {
    fail(1);
    assertEquals(new ThrottleRecord(true, Optional.empty()), attempts().recordOf(name, T0));
  }

  @Test
  void a_lockout_that_ended_stays_on_record_so_that_a_log_in_resets_it() {
    fail(3);
    assertEquals(
        new ThrottleRecord(true, Optional.empty()), attempts().recordOf(name, T0.plusSeconds(10)));
  }

  @Test
  void failures_below_the_limit_lock_nothing() {
    assertEquals(Optional.empty(), fail(2));
    assertEquals(Optional.empty(), lockedFor(name, T0));
  }

  @Test
  void the_failure_at_the_limit_starts_the_lockout_the_policy_gives() {
    assertEquals(Optional.of(Duration.ofSeconds(10)), fail(3));
    assertEquals(Optional.of(Duration.ofSeconds(10)), lockedFor(name, T0));
    assertEquals(Optional.of(Duration.ofSeconds(4)), lockedFor(name, T0.plusSeconds(6)));
    assertEquals(Optional.empty(), lockedFor(name, T0.plusSeconds(10)));
  }

  @Test
  void counting_starts_again_after_a_lockout_and_the_next_one_is_longer() {
    fail(3);
    assertEquals(Optional.empty(), fail(2));
    assertEquals(Optional.of(Duration.ofSeconds(20)), fail(1));
    assertEquals(Optional.of(Duration.ofSeconds(25)), fail(3));
  }

  @Test
  void forgetting_a_name_clears_its_failures_and_its_lockouts() {
    fail(3);
    fail(2);
    attempts().forget(name);
    assertEquals(ThrottleRecord.NONE, attempts().recordOf(name, T0));
    assertEquals(Optional.empty(), fail(2));
    assertEquals(Optional.of(Duration.ofSeconds(10)), fail(1));
  }

  @Test
  void each_name_is_counted_on_its_own() {
    String other = name + "-other";
    fail(2);
    assertEquals(Optional.empty(), attempts().countFailure(other, T0, POLICY));
    assertEquals(Optional.of(Duration.ofSeconds(10)), fail(1));
    assertEquals(Optional.empty(), lockedFor(other, T0));
  }
}
