package io.cleanusers.presentation.rest.error;

import io.cleanusers.application.account.AuthenticationFailures;
import io.cleanusers.application.common.exception.ApplicationException;
import io.cleanusers.application.common.exception.NotAuthenticatedException;
import io.cleanusers.application.common.exception.NotAuthorizedException;
import io.cleanusers.application.common.exception.UserNotFoundException;
import io.cleanusers.application.common.exception.UsernameTakenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * A use case's refusal, with the status docs/contract/routes.md gives it and its message as
 * description.
 */
@Provider
public class ApplicationErrorMapper implements ExceptionMapper<ApplicationException> {

  private static final Map<Class<?>, Integer> STATUSES =
      Map.of(
          NotAuthenticatedException.class, 401,
          AuthenticationFailures.InvalidCredentials.class, 401,
          AuthenticationFailures.InactiveAccount.class, 401,
          NotAuthorizedException.class, 403,
          AuthenticationFailures.AlreadyAuthenticated.class, 403,
          UserNotFoundException.class, 404,
          UsernameTakenException.class, 409,
          AuthenticationFailures.LoginLocked.class, 429);

  @Override
  public Response toResponse(ApplicationException e) {
    Response.ResponseBuilder response =
        ErrorResponses.of(STATUSES.getOrDefault(e.getClass(), 400), e.getMessage());
    if (e instanceof AuthenticationFailures.LoginLocked locked) {
      response.header("Retry-After", locked.retryAfterSeconds());
    }
    return response.build();
  }
}
