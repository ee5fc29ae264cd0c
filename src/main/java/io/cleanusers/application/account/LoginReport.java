package io.cleanusers.application.account;

import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.ServiceMetrics;
import io.cleanusers.application.common.port.ServiceMetrics.LoginOutcome;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * How a log-in ended, told to the audit trail and the metrics, plus an audit line when a lockout
 * starts.
 */
@ApplicationScoped
public class LoginReport {

  private final AuditTrail audit;
  private final ServiceMetrics metrics;

  @Inject
  public LoginReport(AuditTrail audit, ServiceMetrics metrics) {
    this.audit = audit;
    this.metrics = metrics;
  }

  /** For CDI's client proxy only. */
  protected LoginReport() {
    this(null, null);
  }

  /**
   * An attempt for a name that no password was verified for (locked, bad credentials): nobody is
   * its actor.
   */
  public void anonymous(LoginOutcome outcome, Username name) {
    report(outcome, AuditTrail.NOBODY, name);
  }

  /**
   * An attempt with the user's own password (inactive account, success): the user is its actor, the
   * name the one they gave. Outcome, actor, name: the order of the audit line.
   */
  public void identified(LoginOutcome outcome, User user, Username name) {
    report(outcome, AuditTrail.actor(user.id(), user.username()), name);
  }

  /** The failure that started a lockout of the name. */
  public void lockoutStarted(Username name) {
    audit.record(AuditEvent.LOGIN, "lockout_started", AuditTrail.NOBODY, name.value());
  }

  private void report(LoginOutcome outcome, String actor, Username name) {
    audit.record(AuditEvent.LOGIN, outcome.name().toLowerCase(Locale.ROOT), actor, name.value());
    metrics.login(outcome);
  }
}
