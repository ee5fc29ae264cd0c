package io.cleanusers.application.common.exception;

/** The caller's role does not allow the action (403). */
public final class NotAuthorizedException extends ApplicationException {

  private static final long serialVersionUID = 1L;

  public NotAuthorizedException() {
    super("Not authorized.");
  }

  public NotAuthorizedException(String message) {
    super(message);
  }
}
