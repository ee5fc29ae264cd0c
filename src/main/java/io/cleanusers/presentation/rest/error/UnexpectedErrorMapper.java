package io.cleanusers.presentation.rest.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Anything no other mapper claims: 503 for a database outage, else a generic 500. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  @Inject ServerFailures failures;

  @Override
  public Response toResponse(Throwable failure) {
    return failures.respond(failure);
  }
}
