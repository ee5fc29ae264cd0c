package io.cleanusers.application.command;

import io.cleanusers.application.common.Caller;
import io.cleanusers.application.common.TargetUsers;
import io.cleanusers.application.common.port.AuditTrail;
import io.cleanusers.application.common.port.IdentityProvider;
import io.cleanusers.application.common.port.UserRepository;
import io.cleanusers.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** {@value #RULES} */
@ApplicationScoped
public class ReactivateUser {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES = "Open to admins and super admins. Restores an inactive"
      + " user whose role is below the caller's; they can log in again. Reactivating an active"
      + " user changes nothing.";

  @Inject IdentityProvider identity;
  @Inject TargetUsers targets;
  @Inject UserRepository repository;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Transactional
  public void reactivate(String username) {
    Caller caller = identity.currentCaller();
    User target = targets.lockManaged(caller, username);
    boolean changed = target.activate(clock.instant());
    if (changed) {
      repository.update(target);
    }
    audit.record("user_reactivated", changed ? "changed" : "unchanged",
        caller.username().value(), target.username().value());
  }
}
