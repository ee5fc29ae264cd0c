package io.cleanusers.presentation.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 422 with every structural problem of the request. */
@Provider
public class RequestValidationExceptionMapper
    implements ExceptionMapper<RequestValidationException> {

  @Override
  public Response toResponse(RequestValidationException e) {
    return ErrorResponses.validation(e.problems());
  }
}
