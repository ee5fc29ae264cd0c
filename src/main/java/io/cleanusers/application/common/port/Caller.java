package io.cleanusers.application.common.port;

import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;
import java.time.Instant;

/**
 * Who is making the request, as their row reads right now: the role decides what they may do, and
 * the rest is their own account as they see it, without a second read.
 */
public record Caller(
    UserId id, Username username, UserRole role, Instant createdAt, Instant updatedAt) {

  public boolean is(Username other) {
    return username.key().equals(other.key());
  }
}
