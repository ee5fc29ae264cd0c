package io.cleanusers.infrastructure.monitoring;

import io.cleanusers.application.common.port.ServiceMetrics;
import java.time.Duration;

/** {@link ServiceMetrics} on a server with no metrics API: nothing is counted. */
public final class NoMetrics implements ServiceMetrics {

  @Override
  public void login(LoginOutcome outcome) {
    // counted nowhere
  }

  @Override
  public void signUp() {
    // counted nowhere
  }

  @Override
  public void sessionsRevoked(int count) {
    // counted nowhere
  }

  @Override
  public void passwordHashing(Duration took) {
    // measured nowhere
  }
}
