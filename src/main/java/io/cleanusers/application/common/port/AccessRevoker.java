package io.cleanusers.application.common.port;

import io.cleanusers.domain.user.UserId;

/** Ends a user's sessions, in the caller's transaction. */
public interface AccessRevoker {

  /** Ends every session of the user. */
  void revokeAll(UserId user);

  /** Ends every session of the user except the one making the current request. */
  void revokeAllButCurrent(UserId user);
}
