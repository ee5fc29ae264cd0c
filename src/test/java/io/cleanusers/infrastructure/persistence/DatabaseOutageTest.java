package io.cleanusers.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
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

  /** What Payara throws when PostgreSQL goes away at commit: the driver's error is only text. */
  @Test
  void commitThatFailedInTheTransactionManagerIsAnOutage() {
    XAException xa = new XAException("jakarta.resource.spi.LocalTransactionException: An I/O"
        + " error occurred while sending to the backend.");
    SystemException system = new SystemException();
    system.initCause(xa);
    assertTrue(DatabaseOutage.isCauseOf(new TransactionalException("commit failed", system)));
  }

  @Test
  void otherFailuresAreNot() {
    assertFalse(DatabaseOutage.isCauseOf(new IllegalStateException("bug")));
    assertFalse(DatabaseOutage.isCauseOf(new SQLException("unique violation", "23505")));
    assertFalse(DatabaseOutage.isCauseOf(new TransactionalException("no transaction",
        new jakarta.transaction.TransactionRequiredException())));
  }
}
