package io.cleanusers.application.account.policy;

import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.PasswordHasher;
import io.cleanusers.domain.user.PasswordPolicy;
import io.cleanusers.domain.user.RawPassword;
import io.cleanusers.domain.user.User;
import java.util.Optional;

/**
 * Equal-work log-in: a password is checked against a hash even when no user has the name, so an
 * unknown name and a wrong password cost the same time and cannot be told apart by a client.
 */
public final class EqualWorkCheck {

  private final PasswordHasher hasher;
  private final PasswordHash standIn;

  /** Hashes one valid password up front, as the stand-in that unknown names are checked against. */
  public EqualWorkCheck(PasswordHasher hasher, PasswordPolicy policy) {
    this.hasher = hasher;
    this.standIn = hasher.hash(policy.accept("x".repeat(policy.minLength())));
  }

  /** The user when the password is theirs; empty for an unknown name or a wrong password. */
  public Optional<User> verify(Optional<User> found, RawPassword password) {
    if (found.isEmpty()) {
      hasher.verify(password, standIn);
      return Optional.empty();
    }
    return hasher.verify(password, found.get().passwordHash()) ? found : Optional.empty();
  }
}
