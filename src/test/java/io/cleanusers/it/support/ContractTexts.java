package io.cleanusers.it.support;

/** Every message text the contract fixes (docs/contract/), once each, as the tests expect it. */
public final class ContractTexts {

  public static final String NOT_AUTHENTICATED = "Not authenticated.";
  public static final String NOT_AUTHORIZED = "Not authorized.";
  public static final String ALREADY_AUTHENTICATED =
      "You are already authenticated. Consider logging out.";
  public static final String INVALID_CREDENTIALS = "Invalid username or password.";
  public static final String INACTIVE = "Your account is inactive. Please contact support.";
  public static final String LOCKED = "Too many failed login attempts. Try again later.";
  public static final String CROSS_SITE = "Cross-site request refused.";
  public static final String NOT_FOUND = "Not found.";
  public static final String METHOD_NOT_ALLOWED = "Method not allowed.";
  public static final String VALIDATION_FAILED = "Request validation failed.";
  public static final String UNAVAILABLE =
      "Service temporarily unavailable. Please try again later.";

  public static final String NAME_LENGTH = "Username must be between 5 and 20 characters.";
  public static final String NAME_START =
      "Username must start with a letter (A-Z, a-z) or a digit (0-9).";
  public static final String NAME_CHARACTERS =
      "Username can only contain letters (A-Z, a-z),"
          + " digits (0-9), dots (.), hyphens (-), and underscores (_).";
  public static final String NAME_CONSECUTIVE =
      "Username cannot contain consecutive special characters like .., --, or __.";
  public static final String NAME_END =
      "Username must end with a letter (A-Z, a-z) or a digit (0-9).";

  /** The shipped minimum password length (6) in its message. */
  public static final String PASSWORD_TOO_SHORT = passwordTooShort(6);

  public static final String PASSWORD_TOO_LONG = "Password must be at most 1024 characters long.";
  public static final String CURRENT_PASSWORD_REQUIRED = "Current password is required.";
  public static final String INVALID_CURRENT_PASSWORD = "Invalid current password.";
  public static final String INVALID_SORTING_FIELD = "Invalid sorting field.";

  private ContractTexts() {}

  public static String passwordTooShort(int minLength) {
    return "Password must be at least " + minLength + " characters long.";
  }

  public static String alreadyExists(String username) {
    return "User with username '" + username + "' already exists.";
  }

  public static String notFound(String username) {
    return "User with username '" + username + "' is not found.";
  }

  public static String roleChangeRefused(String superAdmin) {
    return "Changing role of user '" + superAdmin + "' (super_admin) is not permitted.";
  }
}
