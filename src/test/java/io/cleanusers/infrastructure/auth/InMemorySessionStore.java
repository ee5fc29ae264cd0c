package io.cleanusers.infrastructure.auth;

import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code auth_sessions} rows joined with their users, in a map. */
final class InMemorySessionStore extends SessionStore {

  private final Map<String, SessionUser> rows = new LinkedHashMap<>();

  void put(AuthSession session, String username, UserRole role, boolean active) {
    rows.put(session.id(), new SessionUser(session, new Username(username), role, active));
  }

  Optional<AuthSession> row(String sessionId) {
    return Optional.ofNullable(rows.get(sessionId)).map(SessionUser::session);
  }

  @Override
  Optional<SessionUser> findWithUser(String sessionId) {
    return Optional.ofNullable(rows.get(sessionId));
  }

  @Override
  public void extend(String sessionId, Instant expiration) {
    SessionUser row = rows.get(sessionId);
    AuthSession session = row.session();
    rows.put(sessionId, new SessionUser(
        new AuthSession(session.id(), session.userId(), expiration),
        row.username(), row.role(), row.active()));
  }

  @Override
  public void delete(String sessionId) {
    rows.remove(sessionId);
  }

  @Override
  public int deleteAllOfNow(UserId user) {
    int before = rows.size();
    rows.values().removeIf(row -> row.session().userId().equals(user));
    return before - rows.size();
  }
}
