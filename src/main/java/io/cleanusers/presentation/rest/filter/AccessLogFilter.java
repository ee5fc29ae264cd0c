package io.cleanusers.presentation.rest.filter;

import io.cleanusers.application.common.port.AccessLog;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Hands every answered request to the access log. */
@Provider
public class AccessLogFilter implements ContainerResponseFilter {

  @Inject AccessLog log;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    log.record(
        request.getMethod(),
        request.getUriInfo().getRequestUri().getRawPath(),
        response.getStatus());
  }
}
