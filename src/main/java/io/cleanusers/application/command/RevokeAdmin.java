package io.cleanusers.application.command;

import io.cleanusers.application.common.TargetUsers;
import io.cleanusers.application.common.UnitOfWork;
import io.cleanusers.application.common.UserChanges;
import io.cleanusers.application.common.port.AuditEvent;
import io.cleanusers.application.common.port.Caller;
import io.cleanusers.application.common.port.IdentityProvider;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** {@value #RULES} */
@ApplicationScoped
public class RevokeAdmin {

  /** The rules of this use case; also its route's OpenAPI description. */
  public static final String RULES =
      "Open to super admins. Makes an admin a plain user,"
          + " effective on their very next request. A super admin's role cannot be changed."
          + " Revoking from a plain user changes nothing.";

  private final IdentityProvider identity;
  private final TargetUsers targets;
  private final UserChanges changes;
  private final Clock clock;

  @Inject
  public RevokeAdmin(
      IdentityProvider identity, TargetUsers targets, UserChanges changes, Clock clock) {
    this.identity = identity;
    this.targets = targets;
    this.changes = changes;
    this.clock = clock;
  }

  /** For CDI's client proxy only. */
  protected RevokeAdmin() {
    this(null, null, null, null);
  }

  @UnitOfWork
  public void revoke(String username) {
    Caller caller = identity.currentCaller();
    User target = targets.lockForRoleChange(caller, username);
    changes.make(
        caller,
        target,
        u -> u.changeRole(UserRole.USER, clock.instant()),
        AuditEvent.ADMIN_REVOKED);
  }
}
