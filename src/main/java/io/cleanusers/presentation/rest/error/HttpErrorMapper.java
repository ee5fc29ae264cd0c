package io.cleanusers.presentation.rest.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own errors (unknown route, wrong method, unsupported media type, ...) in the
 * contract's JSON shape; server-side ones go to {@link ServerFailures}.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Inject ServerFailures failures;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return failures.respond(e);
    }
    Response.ResponseBuilder response = ErrorResponses.of(status, ErrorResponses.describe(status));
    if (e instanceof NotAllowedException) {
      response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return response.build();
  }
}
