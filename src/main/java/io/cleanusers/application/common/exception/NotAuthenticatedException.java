package io.cleanusers.application.common.exception;

/** No valid session comes with the request (401). */
public final class NotAuthenticatedException extends ApplicationException {

  private static final long serialVersionUID = 1L;

  public NotAuthenticatedException() {
    super("Not authenticated.");
  }
}
