package io.cleanusers.presentation.rest.error;

import io.cleanusers.application.common.RequestContext;
import io.cleanusers.application.common.port.OutageDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns an unexpected failure into the contract's answer: 503 when the database cannot be reached
 * (never a 401 or 500 for an outage), else a generic 500 whose detail and request id go to the log
 * only.
 */
@ApplicationScoped
public class ServerFailures {

  private static final Logger LOG = Logger.getLogger(ServerFailures.class.getName());

  private final RequestContext request;
  private final OutageDetector outages;

  @Inject
  public ServerFailures(RequestContext request, OutageDetector outages) {
    this.request = request;
    this.outages = outages;
  }

  /** For CDI's client proxy only. */
  protected ServerFailures() {
    this(null, null);
  }

  public Response respond(Throwable failure) {
    if (outages.isOutage(failure)) {
      LOG.warning(
          () ->
              "Database unreachable (request " + request.requestId() + "): " + rootCause(failure));
      return ErrorResponses.unavailable();
    }
    LOG.log(Level.SEVERE, "Unexpected failure (request " + request.requestId() + ")", failure);
    return ErrorResponses.internalError();
  }

  private static String rootCause(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
