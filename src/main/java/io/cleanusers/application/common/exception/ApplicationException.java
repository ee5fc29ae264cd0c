package io.cleanusers.application.common.exception;

/** A use case refused the request; the message is the contract's text for it. */
public abstract class ApplicationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected ApplicationException(String message) {
    super(message, null, false, false);
  }
}
