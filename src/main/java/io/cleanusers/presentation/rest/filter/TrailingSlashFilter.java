package io.cleanusers.presentation.rest.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Every route answers with and without a trailing slash, without a redirect
 * (docs/contract/errors.md, "Trailing slash").
 */
@Provider
@PreMatching
@Priority(FilterOrder.TRAILING_SLASH)
public class TrailingSlashFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    URI uri = request.getUriInfo().getRequestUri();
    String path = uri.getRawPath();
    if (path.length() > 1 && path.endsWith("/")) {
      String trimmed = path.replaceAll("/+$", "");
      URI without = UriBuilder.fromUri(uri).replacePath(trimmed.isEmpty() ? "/" : trimmed).build();
      request.setRequestUri(request.getUriInfo().getBaseUri(), without);
    }
  }
}
