package io.cleanusers.application.account.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lockout back-off: no lockout below the failure limit; at the limit the first lockout lasts
 * the configured time and each further one twice the one before, never more than the cap.
 */
class LockoutPolicyTest {

  private static Duration lockoutAfter(int earlierLockouts, long lockout, long maxLockout) {
    return new LockoutPolicy(5, Duration.ofSeconds(lockout), Duration.ofSeconds(maxLockout))
        .lockoutFor(5, earlierLockouts)
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0} failures: no lockout")
  @CsvSource({"0", "1", "4"})
  void fewer_failures_than_the_limit_start_no_lockout(int failures) {
    LockoutPolicy policy = new LockoutPolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(900));
    assertEquals(Optional.empty(), policy.lockoutFor(failures, 3));
  }

  @ParameterizedTest(name = "{0} failures: locked")
  @CsvSource({"5", "6"})
  void the_limit_and_beyond_start_a_lockout(int failures) {
    LockoutPolicy policy = new LockoutPolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(900));
    assertEquals(Optional.of(Duration.ofSeconds(60)), policy.lockoutFor(failures, 0));
  }

  @ParameterizedTest(name = "after {0} lockouts: {1} s")
  @CsvSource({
    "0,  60",
    "1,  120",
    "2,  240",
    "3,  480",
    "4,  900",
    "5,  900",
    "40, 900",
    "100, 900",
    "2147483647, 900",
  })
  void each_lockout_doubles_the_one_before_up_to_the_cap(int earlier, long seconds) {
    // A name attacked for long has many lockouts behind it: doubling 60 s a hundred times would
    // overflow to nothing, so the cap must hold however many there were.
    assertEquals(Duration.ofSeconds(seconds), lockoutAfter(earlier, 60, 900));
  }

  @ParameterizedTest(name = "after {0} lockouts: {1} s")
  @CsvSource({
    "0, 30", "1, 30", "9, 30",
  })
  void a_cap_equal_to_the_lockout_keeps_every_lockout_the_same(int earlier, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), lockoutAfter(earlier, 30, 30));
  }

  @ParameterizedTest(name = "after {0} lockouts: {1} s")
  @CsvSource({
    "0, 2", "1, 4", "2, 5",
  })
  void a_doubling_that_would_pass_the_cap_stops_at_the_cap(int earlier, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), lockoutAfter(earlier, 2, 5));
  }
}
