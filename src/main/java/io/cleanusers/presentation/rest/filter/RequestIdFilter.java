package io.cleanusers.presentation.rest.filter;

import io.cleanusers.application.common.RequestContext;
import io.cleanusers.presentation.rest.correlation.RequestIds;
import io.cleanusers.presentation.rest.correlation.RequestStartFilter;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Returns the request's correlation id ({@link RequestIds}, chosen by {@link RequestStartFilter})
 * on every response JAX-RS writes; the container's error page sets its own.
 */
@Provider
public class RequestIdFilter implements ContainerResponseFilter {

  @Inject RequestContext requestContext;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(RequestIds.HEADER, requestContext.requestId());
  }
}
