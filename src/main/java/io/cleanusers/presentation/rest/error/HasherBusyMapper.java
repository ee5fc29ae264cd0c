package io.cleanusers.presentation.rest.error;

import io.cleanusers.domain.user.PasswordHasherBusyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every hashing slot stayed busy (docs/contract/accounts.md, "Hasher pool"): 503 with {@code
 * Retry-After}.
 */
@Provider
public class HasherBusyMapper implements ExceptionMapper<PasswordHasherBusyException> {

  @Override
  public Response toResponse(PasswordHasherBusyException e) {
    return ErrorResponses.unavailable();
  }
}
