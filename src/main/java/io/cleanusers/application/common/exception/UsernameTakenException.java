package io.cleanusers.application.common.exception;

/** The name, in any letter case, belongs to another user already (409). */
public final class UsernameTakenException extends ApplicationException {

  private static final long serialVersionUID = 1L;

  public UsernameTakenException(String username) {
    super("User with username '" + username + "' already exists.");
  }
}
