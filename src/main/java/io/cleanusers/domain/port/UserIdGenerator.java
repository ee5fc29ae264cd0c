package io.cleanusers.domain.port;

import io.cleanusers.domain.user.UserId;

/** Hands out new user ids. */
public interface UserIdGenerator {

  UserId next();
}
