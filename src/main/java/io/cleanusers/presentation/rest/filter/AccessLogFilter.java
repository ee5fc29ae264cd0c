package io.cleanusers.presentation.rest.filter;

import io.cleanusers.infrastructure.logging.LogLine;
import io.cleanusers.infrastructure.logging.LogText;
import io.cleanusers.infrastructure.logging.RequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * One access line per request (SPEC §10): method, path, status, duration, request id and the
 * caller's user id when known. The path is sanitised so input cannot forge a line.
 */
@Provider
public class AccessLogFilter implements ContainerResponseFilter {

  private static final Logger ACCESS = Logger.getLogger("io.cleanusers.access");

  @Inject RequestContext context;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    LogLine.of("access")
        .with("method", LogText.clean(request.getMethod()))
        .withText("path", request.getUriInfo().getRequestUri().getRawPath())
        .with("status", response.getStatus())
        .with("duration_ms", context.elapsedMillis())
        .with("request_id", context.requestId())
        .with("user_id", context.userId().orElse("-"))
        .log(ACCESS);
  }
}
