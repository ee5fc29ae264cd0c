package io.cleanusers.application.account;

import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.UserRegistration;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.ServiceMetrics;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@value #RULES} */
@ApplicationScoped
public class SignUp {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to anyone not logged in. Creates an active account with the role user after "
          + "checking the username and password rules; a name taken in any letter case is "
          + "refused. Signing up does not log in.";

  private final CurrentSession current;
  private final UserRegistration registration;
  private final AuditTrail audit;
  private final ServiceMetrics metrics;

  @Inject
  public SignUp(
      CurrentSession current,
      UserRegistration registration,
      AuditTrail audit,
      ServiceMetrics metrics) {
    this.current = current;
    this.registration = registration;
    this.audit = audit;
    this.metrics = metrics;
  }

  /** For CDI's client proxy only. */
  protected SignUp() {
    this(null, null, null, null);
  }

  @UnitOfWork
  public UserId signUp(String username, String password) {
    current.requireAnonymous();
    User user = registration.register(username, password, UserRole.USER);
    audit.record(
        AuditEvent.SIGNUP,
        "success",
        AuditTrail.actor(user.id(), user.username()),
        user.username().value());
    metrics.signUp();
    return user.id();
  }
}
