package io.cleanusers.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Single SQL statements straight over JDBC, each its own transaction (auto-commit): the reads on
 * the hot path (the session lookup of every request, the user list, the login's lockout check) and
 * the writes that stand alone (a session opened, renewed or ended; a name's failures forgotten).
 * They need no entity and no persistence context, and a statement in auto-commit is one round trip
 * to PostgreSQL where a transaction of one statement is two (the statement, then its commit). JPA's
 * native-query machinery also cost more CPU than the query itself (JFR under {@code make bench}).
 * Same pool as JPA. Each connection is set to auto-commit before use: the service's own pool hands
 * them out so anyway (it costs the driver no round trip), and one from a server-managed pool
 * ({@code postgres.DATASOURCE}) must not roll a write back when it goes back to its pool. A failure
 * is a {@link PersistenceException} carrying the driver's exception, so it is classified (outage or
 * bug) like any other.
 */
@ApplicationScoped
public class AutoCommitSql {

  private final DataSource dataSource;

  @Inject
  public AutoCommitSql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** For CDI's client proxy only. */
  protected AutoCommitSql() {
    this(null);
  }

  /** Reads the rows of {@code sql} (JDBC {@code ?} placeholders) bound to {@code parameters}. */
  public <T> T query(String sql, List<?> parameters, Rows<T> read) {
    return run(
        sql,
        parameters,
        statement -> {
          try (ResultSet rows = statement.executeQuery()) {
            return read.from(rows);
          }
        });
  }

  /** Runs an insert, update or delete and commits it; returns the rows it touched. */
  public int update(String sql, Object... parameters) {
    return run(sql, Arrays.asList(parameters), PreparedStatement::executeUpdate);
  }

  private <T> T run(String sql, List<?> parameters, Execution<T> execution) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true); // see the class doc
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.size(); i++) {
          statement.setObject(i + 1, parameters.get(i));
        }
        return execution.on(statement);
      }
    } catch (SQLException e) {
      throw new PersistenceException("Statement failed: " + e.getMessage(), e);
    }
  }

  /** Turns a result set into the caller's value. */
  @FunctionalInterface
  public interface Rows<T> {
    T from(ResultSet rows) throws SQLException;
  }

  private interface Execution<T> {
    T on(PreparedStatement statement) throws SQLException;
  }
}
