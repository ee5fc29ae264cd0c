package io.cleanusers.application.account;

import io.cleanusers.application.common.exception.ApplicationException;

/**
 * The auth context's refusals; each message is the contract's text (docs/contract/routes.md, "Sign
 * up" and "Log in").
 */
public final class AuthenticationFailures {

  private AuthenticationFailures() {}

  /** Sign-up or log-in called with a valid session (403). */
  public static final class AlreadyAuthenticated extends ApplicationException {
    private static final long serialVersionUID = 1L;

    AlreadyAuthenticated() {
      super("You are already authenticated. Consider logging out.");
    }
  }

  /** Unknown username or wrong password: the same answer for both (401). */
  public static final class InvalidCredentials extends ApplicationException {
    private static final long serialVersionUID = 1L;

    InvalidCredentials() {
      super("Invalid username or password.");
    }
  }

  /** Right password, inactive account (401). */
  public static final class InactiveAccount extends ApplicationException {
    private static final long serialVersionUID = 1L;

    InactiveAccount() {
      super("Your account is inactive. Please contact support.");
    }
  }

  /** Too many consecutive failures for this username (429). */
  public static final class LoginLocked extends ApplicationException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    LoginLocked(long retryAfterSeconds) {
      super("Too many failed login attempts. Try again later.");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
