package io.cleanusers.domain.user;

/**
 * The password rules (docs/contract/accounts.md, "Password rules"): at least {@code minLength} and
 * at most 1024 code points. The minimum comes from configuration, so the rule is a value rather
 * than a constant.
 */
public record PasswordPolicy(int minLength) {

  public static final int MAX_LENGTH = 1024;

  public PasswordPolicy {
    if (minLength < 1 || minLength > MAX_LENGTH) {
      throw new IllegalArgumentException("minLength must be 1.." + MAX_LENGTH);
    }
  }

  public RawPassword accept(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < minLength) {
      throw new DomainValidationException(
          "Password must be at least " + minLength + " characters long.");
    }
    if (length > MAX_LENGTH) {
      throw new DomainValidationException(
          "Password must be at most " + MAX_LENGTH + " characters long.");
    }
    return new RawPassword(password);
  }
}
