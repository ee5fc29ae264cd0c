package io.cleanusers.presentation.rest.error;

import io.cleanusers.infrastructure.logging.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns an unexpected failure into the contract's answer: 503 when the database cannot be
 * reached (never a 401 or 500 for an outage), else a generic 500 whose detail and request id
 * go to the log only.
 */
@ApplicationScoped
public class ServerFailures {

  private static final Logger LOG = Logger.getLogger(ServerFailures.class.getName());

  @Inject RequestContext request;

  public Response respond(Throwable failure) {
    if (isDatabaseOutage(failure)) {
      LOG.warning(() -> "Database unreachable (request " + request.requestId() + "): "
          + rootCause(failure));
      return ErrorResponses.unavailable();
    }
    LOG.log(Level.SEVERE, "Unexpected failure (request " + request.requestId() + ")", failure);
    return ErrorResponses.internalError();
  }

  static boolean isDatabaseOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      if (t.getClass().getName().equals("jakarta.resource.ResourceException")
          || t.getClass().getName().endsWith("PoolingException")) {
        return true;
      }
    }
    return false;
  }

  /** SQLSTATE class 08 (connection) and 57P (server shutting down / cannot connect). */
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  private static String rootCause(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
