package io.cleanusers.domain.user;

import java.time.Instant;

/** Creates users and handles their passwords through the domain's ports. */
public final class UserService {

  private final PasswordHasher hasher;
  private final UserIdGenerator ids;

  public UserService(PasswordHasher hasher, UserIdGenerator ids) {
    this.hasher = hasher;
    this.ids = ids;
  }

  /** A new, active user with a freshly salted hash. */
  public User createUser(Username username, RawPassword password, UserRole role, Instant now) {
    return new User(ids.next(), username, hasher.hash(password), role, true, now, now);
  }

  public boolean isPasswordValid(User user, RawPassword password) {
    return hasher.verify(password, user.passwordHash());
  }

  public void changePassword(User user, RawPassword newPassword, Instant now) {
    user.changePasswordHash(hasher.hash(newPassword), now);
  }
}
