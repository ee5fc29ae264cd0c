package io.cleanusers.application.command;

import io.cleanusers.application.common.TargetUsers;
import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.UserChanges;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.IdentityProvider;
import io.cleanusers.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** {@value #RULES} */
@ApplicationScoped
public class ReactivateUser {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to admins and super admins. Restores an inactive"
          + " user whose role is below the caller's; they can log in again. Reactivating an active"
          + " user changes nothing.";

  private final IdentityProvider identity;
  private final TargetUsers targets;
  private final UserChanges changes;
  private final Clock clock;

  @Inject
  public ReactivateUser(
      IdentityProvider identity, TargetUsers targets, UserChanges changes, Clock clock) {
    this.identity = identity;
    this.targets = targets;
    this.changes = changes;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected ReactivateUser() {
    this(null, null, null, null);
  }

  @UnitOfWork
  public void reactivate(String username) {
    Caller caller = identity.currentCaller();
    User target = targets.lockManaged(caller, username);
    changes.make(caller, target, u -> u.activate(clock.instant()), AuditEvent.USER_REACTIVATED);
  }
}
