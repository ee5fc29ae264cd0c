package io.cleanusers.domain.user;

import java.util.Objects;

/**
 * A plain-text password that passed the length rules of a {@link PasswordPolicy}. It never prints
 * its value.
 */
public final class RawPassword {

  private final String value;

  RawPassword(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * A password offered to be checked against a stored hash (a current password): length rules are
   * for new passwords and do not apply.
   */
  public static RawPassword offered(String value) {
    return new RawPassword(value);
  }

  /** The secret itself, for the hasher only. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "RawPassword[****]";
  }
}
