package io.cleanusers.infrastructure.auth;

import io.cleanusers.application.account.policy.LockoutPolicy;
import io.cleanusers.application.account.port.LoginAttempts;
import io.cleanusers.application.account.port.ThrottleRecord;
import io.cleanusers.infrastructure.persistence.AutoCommitSql;
import io.cleanusers.infrastructure.persistence.NativeSql;
import io.cleanusers.infrastructure.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The failure counts in the {@code login_throttle} table, one row per lower-cased username, so
 * every instance of the service sees the same counts. A failure is counted with one upsert, and the
 * lockout it starts is written in the same transaction; the check and the reset are one statement
 * each.
 */
@ApplicationScoped
public class SqlLoginAttempts implements LoginAttempts {

  private static final String COUNT_FAILURE =
      "insert into login_throttle as t"
          + " (username_key, failures, lockouts) values (?1, 1, 0)"
          + " on conflict (username_key) do update set failures = t.failures + 1"
          + " returning failures, lockouts";
  private static final String LOCK =
      "update login_throttle set failures = 0, lockouts = lockouts + 1,"
          + " locked_until = ?2 where username_key = ?1";

  private final AutoCommitSql sql;
  private final Transactions transactions;

  @Inject
  public SqlLoginAttempts(AutoCommitSql sql, Transactions transactions) {
    this.sql = sql;
    this.transactions = transactions;
  }

  /** For CDI's client proxy only. */
  protected SqlLoginAttempts() {
    this(null, null);
  }

  @Override
  public ThrottleRecord recordOf(String usernameKey, Instant now) {
    return sql.query(
        "select locked_until from login_throttle where username_key = ?",
        List.of(usernameKey),
        rows ->
            rows.next()
                ? ThrottleRecord.held(lockedUntil(rows.getObject(1, OffsetDateTime.class)), now)
                : ThrottleRecord.NONE);
  }

  @Override
  public Optional<Duration> countFailure(String usernameKey, Instant now, LockoutPolicy policy) {
    return transactions.requiresNew(
        em -> {
          Object[] counts = NativeSql.singleRow(em, COUNT_FAILURE, usernameKey);
          Optional<Duration> lockout =
              policy.lockoutFor(((Number) counts[0]).intValue(), ((Number) counts[1]).intValue());
          lockout.ifPresent(
              length -> NativeSql.execute(em, LOCK, usernameKey, Timestamp.from(now.plus(length))));
          return lockout;
        });
  }

  @Override
  public void forget(String usernameKey) {
    sql.update("delete from login_throttle where username_key = ?", usernameKey);
  }

  private static Instant lockedUntil(OffsetDateTime column) {
    return column == null ? null : column.toInstant();
  }
}
