package io.cleanusers.application.command;

import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.UserRegistration;
import io.cleanusers.application.common.authorization.Permissions;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.IdentityProvider;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@value #RULES} */
@ApplicationScoped
public class CreateUser {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to admins and super admins. Creates an active user"
          + " with a role below the caller's own: admins create users, super admins create users"
          + " and admins; nobody creates a super admin. A name taken in any letter case is refused.";

  private final IdentityProvider identity;
  private final UserRegistration registration;
  private final AuditTrail audit;

  @Inject
  public CreateUser(IdentityProvider identity, UserRegistration registration, AuditTrail audit) {
    this.identity = identity;
    this.registration = registration;
    this.audit = audit;
  }

  /** For CDI's client proxy only. */
  protected CreateUser() {
    this(null, null, null);
  }

  @UnitOfWork
  public UserId create(String username, String password, UserRole role) {
    Caller caller = identity.currentCaller();
    Permissions.requireManages(caller, role);
    User user = registration.register(username, password, role);
    audit.record(
        AuditEvent.USER_CREATED,
        role.wireName(),
        AuditTrail.actor(caller.id(), caller.username()),
        user.username().value());
    return user.id();
  }
}
