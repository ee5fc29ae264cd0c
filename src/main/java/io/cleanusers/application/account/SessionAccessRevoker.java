package io.cleanusers.application.account;

import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.common.port.AccessRevoker;
import io.cleanusers.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The account context's side of {@link AccessRevoker}: a command ends a user's access by deleting
 * their sessions, in the command's unit of work, sparing the current request's session when asked
 * (docs/contract/sessions.md#session-revocation).
 */
@ApplicationScoped
public class SessionAccessRevoker implements AccessRevoker {

  private final SessionStore sessions;
  private final CurrentSession current;

  @Inject
  public SessionAccessRevoker(SessionStore sessions, CurrentSession current) {
    this.sessions = sessions;
    this.current = current;
  }

  /** For CDI's client proxy only. */
  protected SessionAccessRevoker() {
    this(null, null);
  }

  @Override
  public void revokeAll(UserId user) {
    sessions.deleteAllOf(user);
  }

  @Override
  public void revokeAllButCurrent(UserId user) {
    current
        .find()
        .ifPresentOrElse(
            session -> sessions.deleteAllOfExcept(user, session.sessionId()),
            () -> sessions.deleteAllOf(user));
  }
}
