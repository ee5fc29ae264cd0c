package io.cleanusers.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are answered as a database outage (503) rather than a server bug (500). */
class DatabaseOutageTest {

  @Test
  void refusedConnectionIsAnOutage() {
    assertTrue(DatabaseOutage.isCauseOf(new RuntimeException(new ConnectException("refused"))));
    assertTrue(DatabaseOutage.isCauseOf(new SQLTransientConnectionException("pool empty")));
  }

  @Test
  void connectionAndShutdownSqlStatesAreAnOutage() {
    assertTrue(DatabaseOutage.isCauseOf(new SQLException("I/O error", "08006")));
    assertTrue(DatabaseOutage.isCauseOf(new SQLException("terminating connection", "57P01")));
  }

  /**
   * pgjdbc with {@code targetServerType=primary} when only standbys answer (a failover under way):
   * "Could not find a server with specified targetServerType: primary", SQLSTATE 08001.
   */
  @Test
  void noPrimaryAmongTheHostsIsAnOutage() {
    assertTrue(
        DatabaseOutage.isCauseOf(
            new org.postgresql.util.PSQLException(
                "Could not find a server with specified targetServerType: primary",
                org.postgresql.util.PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
  }

  /** A JPA commit whose connection broke: the provider wraps the driver's exception. */
  @Test
  void commitThatLostItsConnectionIsAnOutage() {
    assertTrue(
        DatabaseOutage.isCauseOf(
            new jakarta.persistence.RollbackException(
                "commit failed",
                new IllegalStateException(new SQLException("I/O error", "08006")))));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(DatabaseOutage.isCauseOf(new IllegalStateException("bug")));
    assertFalse(DatabaseOutage.isCauseOf(new SQLException("unique violation", "23505")));
    assertFalse(
        DatabaseOutage.isCauseOf(
            new jakarta.persistence.RollbackException(
                "commit failed", new SQLException("serialization failure", "40001"))));
  }
}
