package io.cleanusers.infrastructure.auth;

import io.cleanusers.application.account.port.AuthSession;
import io.cleanusers.application.account.port.SessionUser;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import io.cleanusers.infrastructure.persistence.AutoCommitSql;
import io.cleanusers.infrastructure.persistence.CoalescedReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The lookup every authenticated request makes: its session joined with its user's row as it is
 * now. Lookups that arrive together share one statement ({@link CoalescedReads}), so under load
 * PostgreSQL and the driver pay their cost per statement once for many requests; a request alone
 * reads at once. Each statement starts after every request it serves arrived, so a session deleted
 * or a user changed before a request is seen by it.
 */
final class SessionLookups {

  /** How many statements may be reading at once, each for the requests that were waiting. */
  private static final int LOADERS = 2;

  private static final int MAX_BATCH = 64;

  /**
   * The statement for 1, 2, 4, ... {@link #MAX_BATCH} ids. With a fixed number of parameters
   * PostgreSQL keeps one plan for each text; an array parameter ({@code = any(?)}) was estimated at
   * ten rows and planned again on every execution, at four times the cost (pgbench).
   */
  private static final List<String> FIND_WITH_USERS =
      IntStream.iterate(1, size -> size <= MAX_BATCH, size -> size * 2)
          .mapToObj(
              size ->
                  "select s.id, s.user_id, s.expiration, u.username, u.role, u.is_active,"
                      + " u.created_at, u.updated_at from auth_sessions s"
                      + " join users u on u.id = s.user_id where s.id in ("
                      + String.join(", ", Collections.nCopies(size, "?"))
                      + ")")
          .toList();

  private final AutoCommitSql sql;
  private final CoalescedReads<String, SessionUser> reads =
      new CoalescedReads<>(LOADERS, MAX_BATCH, this::findAll);

  SessionLookups(AutoCommitSql sql) {
    this.sql = sql;
  }

  Optional<SessionUser> find(String sessionId) {
    return reads.read(sessionId);
  }

  private Map<String, SessionUser> findAll(Set<String> sessionIds) {
    int slots = Math.max(1, Integer.highestOneBit(sessionIds.size() - 1) << 1);
    List<String> ids = new ArrayList<>(sessionIds);
    ids.addAll(Collections.nCopies(slots - ids.size(), ids.get(0)));
    return sql.query(
        FIND_WITH_USERS.get(Integer.numberOfTrailingZeros(slots)),
        ids,
        rows -> {
          Map<String, SessionUser> found = new HashMap<>();
          while (rows.next()) {
            SessionUser session = toSessionUser(rows);
            found.put(session.session().id(), session);
          }
          return found;
        });
  }

  private static SessionUser toSessionUser(ResultSet row) throws SQLException {
    AuthSession session =
        new AuthSession(
            row.getString(1),
            new UserId(row.getObject(2, UUID.class)),
            row.getObject(3, OffsetDateTime.class).toInstant());
    return new SessionUser(
        session,
        new Username(row.getString(4)),
        UserRole.fromWireName(row.getString(5)).orElseThrow(),
        row.getBoolean(6),
        row.getObject(7, OffsetDateTime.class).toInstant(),
        row.getObject(8, OffsetDateTime.class).toInstant());
  }
}
