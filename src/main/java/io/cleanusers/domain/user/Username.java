package io.cleanusers.domain.user;

import java.util.Locale;
import java.util.Objects;

/**
 * A username as docs/contract/accounts.md allows it ("Username rules"): 5-20 code points of {@code
 * A-Za-z0-9._-}, starting and ending with a letter or digit, no two special characters in a row. It
 * keeps the case it was given; {@link #key()} is what makes two names the same user ("Username
 * case").
 */
public record Username(String value) {

  public static final int MIN_LENGTH = 5;
  public static final int MAX_LENGTH = 20;

  public Username {
    Objects.requireNonNull(value, "value");
    check(value);
  }

  /** The case-insensitive identity of the name. */
  public String key() {
    return value.toLowerCase(Locale.ROOT);
  }

  private static void check(String name) {
    int length = name.codePointCount(0, name.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new DomainValidationException("Username must be between 5 and 20 characters.");
    }
    if (!isAsciiLetterOrDigit(name.codePointAt(0))) {
      throw new DomainValidationException(
          "Username must start with a letter (A-Z, a-z) or a digit (0-9).");
    }
    if (!name.codePoints().allMatch(c -> isAsciiLetterOrDigit(c) || isSpecial(c))) {
      throw new DomainValidationException(
          "Username can only contain letters (A-Z, a-z),"
              + " digits (0-9), dots (.), hyphens (-), and underscores (_).");
    }
    for (int i = 1; i < name.length(); i++) {
      if (isSpecial(name.charAt(i)) && isSpecial(name.charAt(i - 1))) {
        throw new DomainValidationException(
            "Username cannot contain consecutive special characters like .., --, or __.");
      }
    }
    if (!isAsciiLetterOrDigit(name.charAt(name.length() - 1))) {
      throw new DomainValidationException(
          "Username must end with a letter (A-Z, a-z) or a digit (0-9).");
    }
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isSpecial(int c) {
    return c == '.' || c == '-' || c == '_';
  }
}
