package io.cleanusers.domain.user;

import java.util.Objects;

/** A stored password hash (bcrypt's 60-character modular-crypt string). Never printed. */
public record PasswordHash(String value) {

  public PasswordHash {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return "PasswordHash[****]";
  }
}
