package io.cleanusers.application.fakes;

import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.PasswordHasher;
import io.cleanusers.domain.user.RawPassword;

/**
 * A fast, deterministic stand-in for bcrypt: every hash carries a new "salt" (a counter), so
 * hashing the same password twice gives two different hashes that both verify.
 */
public final class FakePasswordHasher implements PasswordHasher {

  private static final String PREFIX = "fake$";

  private int salt;

  @Override
  public PasswordHash hash(RawPassword password) {
    return new PasswordHash(PREFIX + (++salt) + "$" + password.reveal());
  }

  @Override
  public boolean verify(RawPassword password, PasswordHash hash) {
    String value = hash.value();
    if (!value.startsWith(PREFIX)) {
      return false;
    }
    int secretStart = value.indexOf('$', PREFIX.length()) + 1;
    return secretStart > 0 && value.substring(secretStart).equals(password.reveal());
  }
}
