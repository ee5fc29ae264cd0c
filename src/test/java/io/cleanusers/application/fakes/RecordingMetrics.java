package io.cleanusers.application.fakes;

import io.cleanusers.application.common.port.ServiceMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps what would be counted on {@code /metrics} instead of counting it in a registry. */
public final class RecordingMetrics implements ServiceMetrics {

  private final List<LoginOutcome> logins = new ArrayList<>();
  private int signUps;

  @Override
  public void login(LoginOutcome outcome) {
    logins.add(outcome);
  }

  @Override
  public void signUp() {
    signUps++;
  }

  @Override
  public void sessionsRevoked(int count) {
    // not asserted by the tests that use this
  }

  @Override
  public void passwordHashing(Duration took) {
    // not asserted by the tests that use this
  }

  public List<LoginOutcome> logins() {
    return List.copyOf(logins);
  }

  public int signUps() {
    return signUps;
  }
}
