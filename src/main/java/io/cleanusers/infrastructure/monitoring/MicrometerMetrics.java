package io.cleanusers.infrastructure.monitoring;

import io.cleanusers.application.common.port.ServiceMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;

/** {@link ServiceMetrics} in the server's Micrometer registry (WildFly). */
public final class MicrometerMetrics implements ServiceMetrics {

  private final MeterRegistry registry;

  public MicrometerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void login(LoginOutcome outcome) {
    registry.counter(LOGINS, OUTCOME_TAG, outcome.name().toLowerCase(Locale.ROOT)).increment();
  }

  @Override
  public void signUp() {
    registry.counter(SIGNUPS).increment();
  }

  @Override
  public void sessionsRevoked(int count) {
    if (count > 0) {
      registry.counter(SESSIONS_REVOKED).increment(count);
    }
  }

  @Override
  public void passwordHashing(Duration took) {
    registry.timer(PASSWORD_HASHING).record(took);
  }
}
