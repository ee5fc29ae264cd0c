package io.cleanusers.application.common.exception;

/** No user has the requested name (404). */
public final class UserNotFoundException extends ApplicationException {

  private static final long serialVersionUID = 1L;

  public UserNotFoundException(String username) {
    super("User with username '" + username + "' is not found.");
  }
}
