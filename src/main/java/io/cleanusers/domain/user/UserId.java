package io.cleanusers.domain.user;

import java.util.Objects;
import java.util.UUID;

/** A user's identity: a UUID (version 7 when generated here), rendered lowercase canonical. */
public record UserId(UUID value) {

  public UserId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
