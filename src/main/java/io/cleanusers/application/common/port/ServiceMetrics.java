package io.cleanusers.application.common.port;

import java.time.Duration;

/**
 * The service's own metrics, shown in Prometheus text on {@code /metrics}: logins by outcome,
 * sign-ups, revoked sessions and password hashing time. Where they are kept is the adapter's
 * choice: the server's MicroProfile Metrics or Micrometer registry, or nowhere.
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
