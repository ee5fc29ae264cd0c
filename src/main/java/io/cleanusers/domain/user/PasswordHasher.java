package io.cleanusers.domain.user;

/**
 * Turns passwords into stored hashes and checks them. Either call may throw {@link
 * PasswordHasherBusyException} when no hashing slot frees up in time.
 */
public interface PasswordHasher {

  PasswordHash hash(RawPassword password);

  boolean verify(RawPassword password, PasswordHash hash);
}
