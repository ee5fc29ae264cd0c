package io.cleanusers.infrastructure.persistence;

import io.cleanusers.application.common.port.OutageDetector;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by the database being unreachable, so that it is answered with 503
 * and never mistaken for a server bug or an authentication failure: the connection pool gave up
 * waiting for a connection, the driver could not connect or lost its connection (SQLSTATE class 08
 * or a server shutdown), or a server-managed pool failed. That includes a commit whose connection
 * broke: whether it took effect is unknown to the service too, and 503 tells the client to try
 * again later.
 */
@ApplicationScoped
public class DatabaseOutage implements OutageDetector {

  @Override
  public boolean isOutage(Throwable failure) {
    return isCauseOf(failure);
  }

  public static boolean isCauseOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
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
   * The container's pool could not hand out a connection: a Jakarta Connectors {@code
   * ResourceException} or a pool's own exception, looked up by name because the Connectors API is
   * not visible to applications on every server.
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
