package io.cleanusers.presentation.rest.filter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Every route answers with and without a trailing slash, without a redirect
 * (docs/contract/errors.md, "Trailing slash"). The bare route itself is {@code /api/v1/}, so this
 * runs on the service's cheapest request and cuts the URI as text.
 */
@Provider
@PreMatching
@Priority(FilterOrder.TRAILING_SLASH)
public class TrailingSlashFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    URI uri = request.getUriInfo().getRequestUri();
    URI without = withoutTrailingSlashes(uri);
    if (without != uri) {
      request.setRequestUri(request.getUriInfo().getBaseUri(), without);
    }
  }

  /**
   * The same absolute URI (as JAX-RS gives a request's), query included, with the slashes at the
   * end of its path cut (all but a root); {@code uri} itself when there are none to cut.
   */
  static URI withoutTrailingSlashes(URI uri) {
    String path = uri.getRawPath();
    int end = path.length();
    while (end > 1 && path.charAt(end - 1) == '/') {
      end--;
    }
    if (end == path.length()) {
      return uri;
    }
    String text = uri.toString();
    int pathStart = text.indexOf('/', uri.getScheme().length() + "://".length()); // after authority
    return URI.create(
        text.substring(0, pathStart)
            + path.substring(0, end)
            + text.substring(pathStart + path.length()));
  }
}
