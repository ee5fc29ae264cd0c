package io.cleanusers.infrastructure.auth;

import static io.cleanusers.infrastructure.persistence.NativeSql.execute;

import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.account.port.SessionStore;
import io.cleanusers.application.account.port.SessionUser;
import io.cleanusers.application.common.port.ServiceMetrics;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import io.cleanusers.infrastructure.persistence.SqlReads;
import io.cleanusers.infrastructure.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sessions in the {@code auth_sessions} table. The lookup of every authenticated request reads
 * over plain JDBC ({@link SqlReads}); the writes go through the service's transactions.
 */
@ApplicationScoped
public class SqlSessionStore implements SessionStore {

  private static final String FIND_WITH_USER =
      "select s.user_id, s.expiration, u.username, u.role, u.is_active, u.created_at,"
          + " u.updated_at from auth_sessions s join users u on u.id = s.user_id where s.id = ?";

  private final SessionIds ids = new SessionIds();

  private final ServiceMetrics metrics;
  private final SqlReads reads;
  private final Transactions transactions;

  @Inject
  public SqlSessionStore(ServiceMetrics metrics, SqlReads reads, Transactions transactions) {
    this.metrics = metrics;
    this.reads = reads;
    this.transactions = transactions;
  }

  /** For CDI's client proxy only. */
  protected SqlSessionStore() {
    this(null, null, null);
  }

  @Override
  public AuthSession create(UserId user, Instant now, Instant expiration) {
    AuthSession session = new AuthSession(ids.next(), user, expiration);
    transactions.requiresNew(
        em ->
            execute(
                em,
                "insert into auth_sessions (id, user_id, expiration, created_at)"
                    + " values (?1, ?2, ?3, ?4)",
                session.id(),
                user.value(),
                Timestamp.from(expiration),
                Timestamp.from(now)));
    return session;
  }

  @Override
  public Optional<SessionUser> findWithUser(String sessionId) {
    return reads.query(
        FIND_WITH_USER,
        List.of(sessionId),
        rows -> rows.next() ? Optional.of(toSessionUser(sessionId, rows)) : Optional.empty());
  }

  @Override
  public void extend(String sessionId, Instant expiration) {
    transactions.requiresNew(
        em ->
            execute(
                em,
                "update auth_sessions set expiration = ?1 where id = ?2",
                Timestamp.from(expiration),
                sessionId));
  }

  @Override
  public void delete(String sessionId) {
    revoked(
        transactions.requiresNew(
            em -> execute(em, "delete from auth_sessions where id = ?1", sessionId)));
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
    return transactions.requiresNew(
        em -> execute(em, "delete from auth_sessions where expiration <= ?1", Timestamp.from(now)));
  }

  private int revoked(int count) {
    metrics.sessionsRevoked(count);
    return count;
  }

  private static SessionUser toSessionUser(String sessionId, ResultSet row) throws SQLException {
    AuthSession session =
        new AuthSession(
            sessionId,
            new UserId(row.getObject(1, UUID.class)),
            row.getObject(2, OffsetDateTime.class).toInstant());
    return new SessionUser(
        session,
        new Username(row.getString(3)),
        UserRole.fromWireName(row.getString(4)).orElseThrow(),
        row.getBoolean(5),
        row.getObject(6, OffsetDateTime.class).toInstant(),
        row.getObject(7, OffsetDateTime.class).toInstant());
  }
}
