package io.cleanusers.application.common.port;

import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserRole;
import io.cleanusers.domain.user.Username;

/** Who is making the request, with the role their row holds right now. */
public record Caller(UserId id, Username username, UserRole role) {

  public boolean is(Username other) {
    return username.key().equals(other.key());
  }
}
