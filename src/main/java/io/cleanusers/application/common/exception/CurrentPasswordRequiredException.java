package io.cleanusers.application.common.exception;

/** A user changing their own password did not send the current one (400). */
public final class CurrentPasswordRequiredException extends ApplicationException {

  private static final long serialVersionUID = 1L;

  public CurrentPasswordRequiredException() {
    super("Current password is required.");
  }
}
