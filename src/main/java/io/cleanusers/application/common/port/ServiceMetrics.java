package io.cleanusers.infrastructure.monitoring;

import java.time.Duration;

/**
 * The service's own metrics, in Prometheus text on {@code /metrics}: logins by outcome, sign-ups,
 * revoked sessions and password hashing time. The server decides where they are kept: MicroProfile
 * Metrics ({@link MicroProfileMetrics}) where it has that, Micrometer ({@link MicrometerMetrics})
 * where it has that, or nowhere ({@link NoMetrics}).
 */
public interface ServiceMetrics {

  /** How a login attempt ended. */
  enum LoginOutcome {
    SUCCESS,
    BAD_CREDENTIALS,
    INACTIVE,
    LOCKED
  }

  /** The names under which every adapter registers the metrics. */
  String LOGINS = "logins";

  String SIGNUPS = "signups";
  String SESSIONS_REVOKED = "sessions_revoked";
  String PASSWORD_HASHING = "password_hashing";
  String OUTCOME_TAG = "outcome";

  void login(LoginOutcome outcome);

  void signUp();

  /** Counts {@code count} revoked sessions; zero counts nothing. */
  void sessionsRevoked(int count);

  void passwordHashing(Duration took);
}
