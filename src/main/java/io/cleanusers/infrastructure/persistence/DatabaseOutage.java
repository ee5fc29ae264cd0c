package io.cleanusers.infrastructure.persistence;

import jakarta.transaction.SystemException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by the database being unreachable, so that it is answered with
 * 503 and never mistaken for a server bug or an authentication failure (SPEC §2).
 *
 * <p>That includes a commit that failed in the transaction manager
 * ({@link SystemException}): PostgreSQL is the only resource the service's transactions
 * enlist, so this is the database going away between the last statement and the commit (seen
 * under {@code make stress}). The container keeps only the text of the driver's exception
 * (Payara's {@code XAException} has no cause), hence the check on the type. Whether the commit
 * took effect is unknown to the service too; 503 tells the client to try again later.
 */
public final class DatabaseOutage {

  private DatabaseOutage() {}

  public static boolean isCauseOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
          || t instanceof SystemException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      if (isConnectorFailure(t.getClass())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The container's pool could not hand out a connection: a Jakarta Connectors
   * {@code ResourceException} or a pool's own exception, looked up by name because the
   * Connectors API is not visible to applications on every server.
   */
  private static boolean isConnectorFailure(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      String name = c.getName();
      if (name.equals("jakarta.resource.ResourceException") || name.endsWith("PoolingException")) {
        return true;
      }
    }
    return false;
  }

  /** SQLSTATE class 08 (connection exception) and 57P (operator intervention, shutdown). */
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }
}
