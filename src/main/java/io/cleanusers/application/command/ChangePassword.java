package io.cleanusers.application.command;

import io.cleanusers.application.common.TargetUsers;
import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.exception.CurrentPasswordRequiredException;
import io.cleanusers.application.common.exception.NotAuthorizedException;
import io.cleanusers.application.common.port.AccessRevoker;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.IdentityProvider;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserService;
import io.cleanusers.domain.user.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** {@value #RULES} */
@ApplicationScoped
public class ChangePassword {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to logged-in users. Users change their own password"
          + " by giving the current one; admins and super admins change the password of users below"
          + " their role without it. A super admin's password is changed only by that super admin."
          + " All other sessions of the user end; the caller's current session stays.";

  private final IdentityProvider identity;
  private final TargetUsers targets;
  private final PasswordPolicy passwordPolicy;
  private final UserService users;
  private final UserRepository repository;
  private final AccessRevoker revoker;
  private final AuditTrail audit;
  private final Clock clock;

  @Inject
  public ChangePassword(
      IdentityProvider identity,
      TargetUsers targets,
      PasswordPolicy passwordPolicy,
      UserService users,
      UserRepository repository,
      AccessRevoker revoker,
      AuditTrail audit,
      Clock clock) {
    this.identity = identity;
    this.targets = targets;
    this.passwordPolicy = passwordPolicy;
    this.users = users;
    this.repository = repository;
    this.revoker = revoker;
    this.audit = audit;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected ChangePassword() {
    this(null, null, null, null, null, null, null, null);
  }

  @UnitOfWork
  public void change(String username, String newPassword, Optional<String> currentPassword) {
    Caller caller = identity.currentCaller();
    Username name = new Username(username);
    RawPassword password = passwordPolicy.accept(newPassword);
    User target =
        caller.is(name)
            ? verifiedSelf(name, currentPassword)
            : targets.lockManaged(caller, username);
    users.changePassword(target, password, clock.instant());
    repository.update(target);
    revoker.revokeAllButCurrent(target.id());
    audit.record(
        AuditEvent.PASSWORD_CHANGED,
        "success",
        AuditTrail.actor(caller.id(), caller.username()),
        target.username().value());
  }

  private User verifiedSelf(Username name, Optional<String> currentPassword) {
    String current = currentPassword.orElseThrow(CurrentPasswordRequiredException::new);
    User self = targets.lock(name);
    if (!users.isPasswordValid(self, RawPassword.offered(current))) {
      throw new NotAuthorizedException("Invalid current password.");
    }
    return self;
  }
}
