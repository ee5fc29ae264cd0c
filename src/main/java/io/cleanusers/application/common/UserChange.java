package io.cleanusers.application.common;

import io.cleanusers.domain.user.User;

/** One change made to a user in place, such as a new role; it tells whether anything changed. */
@FunctionalInterface
public interface UserChange {

  /** Changes the user; true when it now differs from before, false for a no-op. */
  boolean applyTo(User target);
}
