package io.cleanusers.infrastructure.auth;

import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.domain.user.Username;
import io.cleanusers.infrastructure.monitoring.ServiceMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** {@value #RULES} */
@ApplicationScoped
public class SignUp {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to anyone not logged in. Creates an active account with the role user after "
          + "checking the username and password rules; a name taken in any letter case is "
          + "refused. Signing up does not log in.";

  @Inject SessionIdentityProvider identity;
  @Inject PasswordPolicy passwordPolicy;
  @Inject UserService users;
  @Inject UserRepository repository;
  @Inject AuditTrail audit;
  @Inject ServiceMetrics metrics;
  @Inject Clock clock;

  @UnitOfWork
  public UserId signUp(String username, String password) {
    if (identity.currentSession().isPresent()) {
      throw new AuthenticationFailures.AlreadyAuthenticated();
    }
    Username name = new Username(username);
    RawPassword secret = passwordPolicy.accept(password);
    User user = users.createUser(name, secret, UserRole.USER, clock.instant());
    repository.add(user);
    audit.record(
        AuditEvent.SIGNUP, "success", AuditTrail.actor(user.id(), user.username()), name.value());
    metrics.signUp();
    return user.id();
  }
}
