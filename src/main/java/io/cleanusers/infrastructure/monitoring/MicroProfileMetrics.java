package io.cleanusers.infrastructure.monitoring;

import io.cleanusers.application.common.port.ServiceMetrics;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** {@link ServiceMetrics} in the server's MicroProfile Metrics application registry. */
public final class MicroProfileMetrics implements ServiceMetrics {

  private final MetricRegistry registry;

  public MicroProfileMetrics(MetricRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void login(LoginOutcome outcome) {
    registry.counter(LOGINS, new Tag(OUTCOME_TAG, outcome.name().toLowerCase(Locale.ROOT))).inc();
  }

  @Override
  public void signUp() {
    registry.counter(SIGNUPS).inc();
  }

  @Override
  public void sessionsRevoked(int count) {
    if (count > 0) {
      registry.counter(SESSIONS_REVOKED).inc(count);
    }
  }

  @Override
  public void passwordHashing(Duration took) {
    registry.timer(PASSWORD_HASHING).update(took);
  }
}
