package io.cleanusers.application.fakes;

import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.account.port.SessionUser;
import io.cleanusers.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code auth_sessions} rows in a map, joined at each lookup with the users of the repository
 * given, as the real query joins them; {@code SessionStoreContract} holds it to the real table's
 * rules, the deletions a command makes included: they run only inside the {@link FakeUnitOfWork}.
 */
public final class InMemorySessionStore implements SessionStore {

  private final Map<String, AuthSession> rows = new LinkedHashMap<>();
  private final InMemoryUserRepository users;
  private final FakeUnitOfWork unitOfWork;
  private int nextId = 1;

  public InMemorySessionStore(InMemoryUserRepository users, FakeUnitOfWork unitOfWork) {
    this.users = users;
    this.unitOfWork = unitOfWork;
  }

  public Optional<AuthSession> row(String sessionId) {
    return Optional.ofNullable(rows.get(sessionId));
  }

  /** The ids of the user's sessions, oldest first. */
  public List<String> sessionsOf(UserId user) {
    return rows.values().stream()
        .filter(session -> session.userId().equals(user))
        .map(AuthSession::id)
        .toList();
  }

  @Override
  public AuthSession create(UserId user, Instant now, Instant expiration) {
    if (users.stored(user).isEmpty()) {
      throw new IllegalStateException("a session of a user that was never added: " + user);
    }
    AuthSession session = new AuthSession("session-" + nextId++, user, expiration);
    rows.put(session.id(), session);
    return session;
  }

  @Override
  public Optional<SessionUser> findWithUser(String sessionId) {
    return row(sessionId)
        .flatMap(
            session ->
                users
                    .stored(session.userId())
                    .map(
                        user ->
                            new SessionUser(
                                session,
                                user.username(),
                                user.role(),
                                user.isActive(),
                                user.createdAt(),
                                user.updatedAt())));
  }

  @Override
  public void extend(String sessionId, Instant expiration) {
    rows.computeIfPresent(
        sessionId, (id, session) -> new AuthSession(id, session.userId(), expiration));
  }

  @Override
  public void delete(String sessionId) {
    rows.remove(sessionId);
  }

  @Override
  public int deleteAllOfNow(UserId user) {
    return deleteWhere(session -> session.userId().equals(user));
  }

  @Override
  public int deleteAllOf(UserId user) {
    unitOfWork.require();
    return deleteAllOfNow(user);
  }

  @Override
  public int deleteAllOfExcept(UserId user, String keptSessionId) {
    unitOfWork.require();
    return deleteWhere(
        session -> session.userId().equals(user) && !session.id().equals(keptSessionId));
  }

  private int deleteWhere(Predicate<AuthSession> doomed) {
    int before = rows.size();
    rows.values().removeIf(doomed);
    return before - rows.size();
  }
}
