package io.cleanusers.infrastructure.auth;

import static io.cleanusers.infrastructure.persistence.NativeSql.execute;

import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.account.port.SessionUser;
import io.cleanusers.application.common.port.ServiceMetrics;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.infrastructure.persistence.AutoCommitSql;
import io.cleanusers.infrastructure.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The sessions in the {@code auth_sessions} table. Opening, renewing, ending or purging sessions
 * are one statement each in auto-commit ({@link AutoCommitSql}); so is the lookup of every
 * authenticated request, which requests that arrive together share ({@link SessionLookups}). Ending
 * all of a user's sessions is a statement of the service's transactions: the running one for a
 * change (a new password, an inactivation), so both commit together, or one of its own.
 */
@ApplicationScoped
public class SqlSessionStore implements SessionStore {

  private final SessionIds ids = new SessionIds();

  private final ServiceMetrics metrics;
  private final AutoCommitSql sql;
  private final Transactions transactions;
  private final SessionLookups lookups;

  @Inject
  public SqlSessionStore(ServiceMetrics metrics, AutoCommitSql sql, Transactions transactions) {
    this.metrics = metrics;
    this.sql = sql;
    this.transactions = transactions;
    this.lookups = new SessionLookups(sql);
  }

  /** For CDI's client proxy only. */
  protected SqlSessionStore() {
    this(null, null, null);
  }

  @Override
  public AuthSession create(UserId user, Instant now, Instant expiration) {
    AuthSession session = new AuthSession(ids.next(), user, expiration);
    sql.update(
        "insert into auth_sessions (id, user_id, expiration, created_at) values (?, ?, ?, ?)",
        session.id(),
        user.value(),
        Timestamp.from(expiration),
        Timestamp.from(now));
    return session;
  }

  @Override
  public Optional<SessionUser> findWithUser(String sessionId) {
    return lookups.find(sessionId);
  }

  @Override
  public void extend(String sessionId, Instant expiration) {
    sql.update(
        "update auth_sessions set expiration = ? where id = ?",
        Timestamp.from(expiration),
        sessionId);
  }

  @Override
  public void delete(String sessionId) {
    revoked(sql.update("delete from auth_sessions where id = ?", sessionId));
  }

  @Override
  public int deleteAllOfNow(UserId user) {
    return transactions.requiresNew(em -> deleteAllOf(user));
  }

  @Override
  public int deleteAllOf(UserId user) {
    return revoked(
        execute(
            transactions.current(), "delete from auth_sessions where user_id = ?1", user.value()));
  }

  @Override
  public int deleteAllOfExcept(UserId user, String keptSessionId) {
    return revoked(
        execute(
            transactions.current(),
            "delete from auth_sessions where user_id = ?1 and id <> ?2",
            user.value(),
            keptSessionId));
  }

  /** Deletes the sessions that expired by {@code now}; run on a schedule. */
  public int purgeExpired(Instant now) {
    return sql.update("delete from auth_sessions where expiration <= ?", Timestamp.from(now));
  }

  private int revoked(int count) {
    metrics.sessionsRevoked(count);
    return count;
  }
}
