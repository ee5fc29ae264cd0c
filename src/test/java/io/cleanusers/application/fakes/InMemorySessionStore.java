package io.cleanusers.application.fakes;

import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.account.port.SessionUser;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code auth_sessions} rows joined with their users, in a map. Sessions {@link #create}d take
 * their user's name, role and status from the repository given, as the join would.
 */
public final class InMemorySessionStore implements SessionStore {

  private final Map<String, SessionUser> rows = new LinkedHashMap<>();
  private final InMemoryUserRepository users;
  private int nextId = 1;

  public InMemorySessionStore() {
    this(null);
  }

  public InMemorySessionStore(InMemoryUserRepository users) {
    this.users = users;
  }

  public void put(AuthSession session, String username, UserRole role, boolean active) {
    rows.put(session.id(), new SessionUser(session, new Username(username), role, active));
  }

  public Optional<AuthSession> row(String sessionId) {
    return Optional.ofNullable(rows.get(sessionId)).map(SessionUser::session);
  }

  /** The ids of the user's sessions, oldest first. */
  public List<String> sessionsOf(UserId user) {
    return rows.values().stream()
        .map(SessionUser::session)
        .filter(session -> session.userId().equals(user))
        .map(AuthSession::id)
        .toList();
  }

  @Override
  public AuthSession create(UserId user, Instant now, Instant expiration) {
    User owner = users.stored(user).orElseThrow();
    AuthSession session = new AuthSession("session-" + nextId++, user, expiration);
    put(session, owner.username().value(), owner.role(), owner.isActive());
    return session;
  }

  /** With a repository, the user's name, role and status as stored now, as the join reads them. */
  @Override
  public Optional<SessionUser> findWithUser(String sessionId) {
    Optional<SessionUser> row = Optional.ofNullable(rows.get(sessionId));
    if (users == null) {
      return row;
    }
    return row.flatMap(
        found ->
            users
                .stored(found.session().userId())
                .map(
                    user ->
                        new SessionUser(
                            found.session(), user.username(), user.role(), user.isActive())));
  }

  @Override
  public void extend(String sessionId, Instant expiration) {
    SessionUser row = rows.get(sessionId);
    AuthSession session = row.session();
    rows.put(
        sessionId,
        new SessionUser(
            new AuthSession(session.id(), session.userId(), expiration),
            row.username(),
            row.role(),
            row.active()));
  }

  @Override
  public void delete(String sessionId) {
    rows.remove(sessionId);
  }

  @Override
  public int deleteAllOfNow(UserId user) {
    return deleteAllOf(user);
  }

  @Override
  public int deleteAllOf(UserId user) {
    int before = rows.size();
    rows.values().removeIf(row -> row.session().userId().equals(user));
    return before - rows.size();
  }

  @Override
  public int deleteAllOfExcept(UserId user, String keptSessionId) {
    int before = rows.size();
    rows.values()
        .removeIf(
            row ->
                row.session().userId().equals(user) && !row.session().id().equals(keptSessionId));
    return before - rows.size();
  }
}
