package io.cleanusers.presentation.rest.filter;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code OPTIONS} on a route answers 204 with the route's methods in {@code Allow} and no body: the
 * JAX-RS runtime's own answer lists them again as a {@code text/plain} body (or a WADL document),
 * which is no part of the JSON contract.
 */
@Provider
public class OptionsFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (HttpMethod.OPTIONS.equals(request.getMethod())
        && response.getStatus() == Response.Status.OK.getStatusCode()) {
      response.setStatus(Response.Status.NO_CONTENT.getStatusCode());
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }
}
