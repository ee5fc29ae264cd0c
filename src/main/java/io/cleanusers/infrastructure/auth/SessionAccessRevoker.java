package io.cleanusers.infrastructure.auth;

import io.cleanusers.application.common.port.AccessRevoker;
import io.cleanusers.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@link AccessRevoker} by deleting session rows in the command's transaction. */
@ApplicationScoped
public class SessionAccessRevoker implements AccessRevoker {

  @Inject SessionStore sessions;
  @Inject SessionIdentityProvider identity;

  @Override
  public void revokeAll(UserId user) {
    sessions.deleteAllOf(user);
  }

  @Override
  public void revokeAllButCurrent(UserId user) {
    identity
        .currentSession()
        .ifPresentOrElse(
            current -> sessions.deleteAllOfExcept(user, current.sessionId()),
            () -> sessions.deleteAllOf(user));
  }
}
