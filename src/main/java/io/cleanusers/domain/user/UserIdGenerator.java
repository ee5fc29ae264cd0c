package io.cleanusers.domain.user;

/** Hands out new user ids. */
public interface UserIdGenerator {

  UserId next();
}
