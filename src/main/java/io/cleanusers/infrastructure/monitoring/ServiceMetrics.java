package io.cleanusers.infrastructure.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The service's own metrics on {@code /metrics} (SPEC §10, MicroProfile Metrics, application
 * scope): logins by outcome, sign-ups, revoked sessions, and password hashing time.
 */
@ApplicationScoped
public class ServiceMetrics {

  /** How a login attempt ended. */
  public enum LoginOutcome { SUCCESS, BAD_CREDENTIALS, INACTIVE, LOCKED }

  @Inject MetricRegistry registry;

  public void login(LoginOutcome outcome) {
    registry.counter("logins", new Tag("outcome", outcome.name().toLowerCase(Locale.ROOT))).inc();
  }

  public void signUp() {
    registry.counter("signups").inc();
  }

  public void sessionsRevoked(int count) {
    if (count > 0) {
      registry.counter("sessions_revoked").inc(count);
    }
  }

  public void passwordHashing(Duration took) {
    registry.timer("password_hashing").update(took);
  }
}
