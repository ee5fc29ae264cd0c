package io.cleanusers.application.account.port;

import io.cleanusers.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where sessions live. Creation, renewal and the deletions a request makes about itself commit on
 * their own, so a request that fails afterwards cannot undo them; the deletions a command makes
 * ({@link #deleteAllOf}, {@link #deleteAllOfExcept}) join the command's unit of work and throw
 * {@link IllegalStateException} when none is running, so they can never commit apart from it.
 */
public interface SessionStore {

  /** A new session with an unguessable id. */
  AuthSession create(UserId user, Instant now, Instant expiration);

  /** The session and its user's current name, role and status. */
  Optional<SessionUser> findWithUser(String sessionId);

  void extend(String sessionId, Instant expiration);

  void delete(String sessionId);

  /** Ends every session of the user, on its own (an inactive user seen at a request). */
  int deleteAllOfNow(UserId user);

  /** Ends every session of the user, in the running unit of work. */
  int deleteAllOf(UserId user);

  /** Ends every session of the user but one, in the running unit of work. */
  int deleteAllOfExcept(UserId user, String keptSessionId);
}
