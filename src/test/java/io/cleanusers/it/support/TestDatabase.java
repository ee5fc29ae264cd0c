package io.cleanusers.it.support;

import io.cleanusers.infrastructure.config.DatabaseSettings;
import io.cleanusers.infrastructure.config.ServiceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Direct access to the service's PostgreSQL, configured exactly as the service is. */
public final class TestDatabase {

  private static final DatabaseSettings SETTINGS =
      ServiceConfig.loadSettings(TestDatabase.class.getClassLoader()).database();

  private TestDatabase() {}

  public static DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(SETTINGS.jdbcUrl());
    dataSource.setUser(SETTINGS.user());
    dataSource.setPassword(SETTINGS.password());
    return dataSource;
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(SETTINGS.jdbcUrl(), SETTINGS.user(), SETTINGS.password());
  }

  /** Runs an update and returns the row count. */
  public static int update(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = prepare(connection, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first column of the first row, if any. */
  public static Optional<Object> value(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = prepare(connection, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.ofNullable(rows.getObject(1)) : Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long count(String sql, Object... parameters) {
    return ((Number) value(sql, parameters).orElse(0L)).longValue();
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close(); // the caller's try-with-resources never gets it
      throw e;
    }
  }
}
