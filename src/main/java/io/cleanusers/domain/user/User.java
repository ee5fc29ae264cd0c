package io.cleanusers.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A user account. Its changes report whether anything changed, so that a no-op writes nothing and
 * leaves {@code updatedAt} alone (docs/contract/routes.md, "No-op changes").
 */
public final class User {

  private final UserId id;
  private final Username username;
  private PasswordHash passwordHash;
  private UserRole role;
  private boolean active;
  private final Instant createdAt;
  private Instant updatedAt;

  public User(
      UserId id,
      Username username,
      PasswordHash passwordHash,
      UserRole role,
      boolean active,
      Instant createdAt,
      Instant updatedAt) {
    this.id = Objects.requireNonNull(id);
    this.username = Objects.requireNonNull(username);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.role = Objects.requireNonNull(role);
    this.active = active;
    this.createdAt = Objects.requireNonNull(createdAt);
    this.updatedAt = Objects.requireNonNull(updatedAt);
  }

  /** Returns whether anything changed. */
  public boolean activate(Instant now) {
    return setActive(true, now);
  }

  /** Returns whether anything changed. */
  public boolean deactivate(Instant now) {
    return setActive(false, now);
  }

  /** Returns whether anything changed. */
  public boolean changeRole(UserRole newRole, Instant now) {
    if (role == newRole) {
      return false;
    }
    role = newRole;
    updatedAt = now;
    return true;
  }

  /** Always a change: a new hash has a new salt even for the same password. */
  public void changePasswordHash(PasswordHash newHash, Instant now) {
    passwordHash = Objects.requireNonNull(newHash);
    updatedAt = now;
  }

  private boolean setActive(boolean newActive, Instant now) {
    if (active == newActive) {
      return false;
    }
    active = newActive;
    updatedAt = now;
    return true;
  }

  public UserId id() {
    return id;
  }

  public Username username() {
    return username;
  }

  public PasswordHash passwordHash() {
    return passwordHash;
  }

  public UserRole role() {
    return role;
  }

  public boolean isActive() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
