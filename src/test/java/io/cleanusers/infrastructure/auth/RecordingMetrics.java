package io.cleanusers.infrastructure.auth;

import io.cleanusers.infrastructure.monitoring.ServiceMetrics;
import java.util.ArrayList;
import java.util.List;

/** Keeps what would be counted on {@code /metrics} instead of counting it in a registry. */
final class RecordingMetrics extends ServiceMetrics {

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

  List<LoginOutcome> logins() {
    return List.copyOf(logins);
  }

  int signUps() {
    return signUps;
  }
}
