package io.cleanusers.presentation.rest.filter;

import io.cleanusers.presentation.rest.error.ErrorResponses;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers every API response carries (docs/contract/errors.md, "Response headers"): {@code
 * nosniff}, {@code no-store}, no server banner, and JSON declared as UTF-8.
 */
@Provider
public class ResponseHeadersFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    var headers = response.getHeaders();
    headers.putSingle("X-Content-Type-Options", "nosniff");
    headers.putSingle("Cache-Control", "no-store");
    headers.remove("Server");
    headers.remove("X-Powered-By");
    MediaType type = response.getMediaType();
    if (type != null
        && MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
        && !type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)) {
      headers.putSingle("Content-Type", ErrorResponses.JSON_UTF8);
    }
  }
}
