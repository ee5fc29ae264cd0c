package io.cleanusers.application.command;

import io.cleanusers.application.common.TargetUsers;
import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.UserChanges;
import io.cleanusers.application.common.port.AccessRevoker;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.IdentityProvider;
import io.cleanusers.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** {@value #RULES} */
@ApplicationScoped
public class InactivateUser {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to admins and super admins. Soft-deletes a user"
          + " whose role is below the caller's and ends all of that user's sessions at once."
          + " Inactivating an inactive user changes nothing.";

  private final IdentityProvider identity;
  private final TargetUsers targets;
  private final UserChanges changes;
  private final AccessRevoker revoker;
  private final Clock clock;

  @Inject
  public InactivateUser(
      IdentityProvider identity,
      TargetUsers targets,
      UserChanges changes,
      AccessRevoker revoker,
      Clock clock) {
    this.identity = identity;
    this.targets = targets;
    this.changes = changes;
    this.revoker = revoker;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected InactivateUser() {
    this(null, null, null, null, null);
  }

  @UnitOfWork
  public void inactivate(String username) {
    Caller caller = identity.currentCaller();
    User target = targets.lockManaged(caller, username);
    if (changes.make(
        caller, target, u -> u.deactivate(clock.instant()), AuditEvent.USER_INACTIVATED)) {
      revoker.revokeAll(target.id());
    }
  }
}
