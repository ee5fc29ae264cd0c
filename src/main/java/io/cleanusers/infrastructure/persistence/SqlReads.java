package io.cleanusers.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Read-only SQL straight over JDBC, for the two queries on the hot path (the session lookup of
 * every request and the user list): they need no entity, no persistence context and no transaction,
 * and JPA's native-query machinery cost more CPU than the query itself (JFR under {@code make
 * bench}). Same pool as JPA, auto-commit. A failure is a {@link PersistenceException} carrying the
 * driver's exception, so it is classified (outage or bug) like any other.
 */
@ApplicationScoped
public class SqlReads {

  private final DataSource dataSource;

  @Inject
  public SqlReads(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** For CDI's client proxy only. */
  protected SqlReads() {
    this(null);
  }

  /** Reads the rows of {@code sql} (JDBC {@code ?} placeholders) bound to {@code parameters}. */
  public <T> T query(String sql, List<?> parameters, Rows<T> read) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        return read.from(rows);
      }
    } catch (SQLException e) {
      throw new PersistenceException("Query failed: " + e.getMessage(), e);
    }
  }

  /** Turns a result set into the caller's value. */
  @FunctionalInterface
  public interface Rows<T> {
    T from(ResultSet rows) throws SQLException;
  }
}
