package io.cleanusers.infrastructure.auth;

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
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sessions in the {@code auth_sessions} table. The lookup of every authenticated request reads
 * over plain JDBC ({@link SqlReads}); the writes go through the service's transactions.
 */
@ApplicationScoped
public class SqlSessionStore implements SessionStore {

  private static final int ID_BYTES = 32;
  private static final String FIND_WITH_USER =
      "select s.user_id, s.expiration, u.username,"
          + " u.role, u.is_active from auth_sessions s join users u on u.id = s.user_id"
          + " where s.id = ?";

  private final SecureRandom random = new SecureRandom();

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

  /** A new session with 256 random bits of id. */
  @Override
  public AuthSession create(UserId user, Instant now, Instant expiration) {
    AuthSession session = new AuthSession(newId(), user, expiration);
    transactions.requiresNew(
        em ->
            em.createNativeQuery(
                    "insert into auth_sessions"
                        + " (id, user_id, expiration, created_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, session.id())
                .setParameter(2, user.value())
                .setParameter(3, Timestamp.from(expiration))
                .setParameter(4, Timestamp.from(now))
                .executeUpdate());
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
            em.createNativeQuery("update auth_sessions set expiration = ?1 where id = ?2")
                .setParameter(1, Timestamp.from(expiration))
                .setParameter(2, sessionId)
                .executeUpdate());
  }

  @Override
  public void delete(String sessionId) {
    revoked(
        transactions.requiresNew(
            em ->
                em.createNativeQuery("delete from auth_sessions where id = ?1")
                    .setParameter(1, sessionId)
                    .executeUpdate()));
  }

  @Override
  public int deleteAllOfNow(UserId user) {
    return transactions.requiresNew(em -> deleteAllOf(user));
  }

  @Override
  public int deleteAllOf(UserId user) {
    return revoked(
        transactions
            .current()
            .createNativeQuery("delete from auth_sessions where user_id = ?1")
            .setParameter(1, user.value())
            .executeUpdate());
  }

  @Override
  public int deleteAllOfExcept(UserId user, String keptSessionId) {
    return revoked(
        transactions
            .current()
            .createNativeQuery("delete from auth_sessions where user_id = ?1 and id <> ?2")
            .setParameter(1, user.value())
            .setParameter(2, keptSessionId)
            .executeUpdate());
  }

  public int purgeExpired(Instant now) {
    return transactions.requiresNew(
        em ->
            em.createNativeQuery("delete from auth_sessions where expiration <= ?1")
                .setParameter(1, Timestamp.from(now))
                .executeUpdate());
  }

  private int revoked(int count) {
    metrics.sessionsRevoked(count);
    return count;
  }

  private String newId() {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
        row.getBoolean(5));
  }
}
