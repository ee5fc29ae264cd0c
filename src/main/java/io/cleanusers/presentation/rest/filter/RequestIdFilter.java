package io.cleanusers.presentation.rest.filter;

import io.cleanusers.application.common.RequestContext;
import io.cleanusers.presentation.rest.correlation.RequestIds;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Gives every request its correlation id ({@link RequestIds}) and returns it on every response. */
@Provider
@PreMatching
@Priority(FilterOrder.REQUEST_ID)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject RequestContext requestContext;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String id = RequestIds.idFor(request.getHeaderString(RequestIds.HEADER));
    requestContext.begin(id, servletRequest.getRemoteAddr());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(RequestIds.HEADER, requestContext.requestId());
  }
}
