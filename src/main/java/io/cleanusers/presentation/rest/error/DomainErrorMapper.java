package io.cleanusers.presentation.rest.error;

import io.cleanusers.domain.user.DomainValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A business rule of docs/contract/accounts.md broken by the request: 400 with the rule's text. */
@Provider
public class DomainErrorMapper implements ExceptionMapper<DomainValidationException> {

  @Override
  public Response toResponse(DomainValidationException e) {
    return ErrorResponses.of(400, e.getMessage()).build();
  }
}
