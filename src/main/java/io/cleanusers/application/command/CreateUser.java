package io.cleanusers.application.command;

import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.authorization.Permissions;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.IdentityProvider;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.domain.user.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** {@value #RULES} */
@ApplicationScoped
public class CreateUser {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to admins and super admins. Creates an active user"
          + " with a role below the caller's own: admins create users, super admins create users"
          + " and admins; nobody creates a super admin. A name taken in any letter case is refused.";

  @Inject IdentityProvider identity;
  @Inject PasswordPolicy passwordPolicy;
  @Inject UserService users;
  @Inject UserRepository repository;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @UnitOfWork
  public UserId create(String username, String password, UserRole role) {
    Caller caller = identity.currentCaller();
    Permissions.requireManages(caller, role);
    Username name = new Username(username);
    User user = users.createUser(name, passwordPolicy.accept(password), role, clock.instant());
    repository.add(user);
    audit.record(
        AuditEvent.USER_CREATED,
        role.wireName(),
        AuditTrail.actor(caller.id(), caller.username()),
        name.value());
    return user.id();
  }
}
