package io.cleanusers.presentation.rest.error;

import io.cleanusers.infrastructure.logging.RequestContext;
import io.cleanusers.infrastructure.persistence.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URISyntaxException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns an unexpected failure into the contract's answer: 503 when the database cannot be
 * reached (never a 401 or 500 for an outage); 400 when the runtime could not read the request
 * target (an invalid percent-encoding in the query, which some servers pass on and the JAX-RS
 * runtime then fails to parse); else a generic 500 whose detail and request id go to the log
 * only.
 */
@ApplicationScoped
public class ServerFailures {

  private static final Logger LOG = Logger.getLogger(ServerFailures.class.getName());
  static final String MALFORMED_TARGET = "Bad request: the request target is not a valid URI.";

  @Inject RequestContext request;

  public Response respond(Throwable failure) {
    if (DatabaseOutage.isCauseOf(failure)) {
      LOG.warning(() -> "Database unreachable (request " + request.requestId() + "): "
          + rootCause(failure));
      return ErrorResponses.unavailable();
    }
    if (isUnreadableTarget(failure)) {
      return ErrorResponses.of(400, MALFORMED_TARGET).build();
    }
    LOG.log(Level.SEVERE, "Unexpected failure (request " + request.requestId() + ")", failure);
    return ErrorResponses.internalError();
  }

  /** {@link java.net.URI#create} refusing the request's URI, anywhere in the causes. */
  private static boolean isUnreadableTarget(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof URISyntaxException) {
        return true;
      }
    }
    return false;
  }

  private static String rootCause(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
