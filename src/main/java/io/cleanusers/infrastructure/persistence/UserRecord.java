package io.cleanusers.infrastructure.persistence;

import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.User;
import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The {@code users} row as JPA maps it. The domain's {@link User} stays free of persistence; this
 * class translates in both directions.
 */
@Entity
@Table(name = "users")
public class UserRecord {

  @Id private UUID id;

  @Column(nullable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(nullable = false)
  private String role;

  @Column(name = "is_active", nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected UserRecord() {}

  static UserRecord of(User user) {
    UserRecord row = new UserRecord();
    row.id = user.id().value();
    row.username = user.username().value();
    row.createdAt = user.createdAt().atOffset(ZoneOffset.UTC);
    row.copyChangesFrom(user);
    return row;
  }

  /** Copies what a user can change after creation. */
  void copyChangesFrom(User user) {
    passwordHash = user.passwordHash().value();
    role = user.role().wireName();
    active = user.isActive();
    updatedAt = user.updatedAt().atOffset(ZoneOffset.UTC);
  }

  User toDomain() {
    return new User(
        new UserId(id),
        new Username(username),
        new PasswordHash(passwordHash),
        UserRole.fromWireName(role).orElseThrow(),
        active,
        createdAt.toInstant(),
        updatedAt.toInstant());
  }
}
