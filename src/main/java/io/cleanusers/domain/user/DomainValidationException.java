package io.cleanusers.domain.user;

/**
 * A value breaks a business rule of docs/contract/accounts.md; the message is the rule's exact
 * text.
 */
public final class DomainValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DomainValidationException(String message) {
    super(message, null, false, false);
  }
}
