package io.cleanusers.domain.user;

/** Every hashing slot stayed taken for too long: the caller should try again later. */
public final class PasswordHasherBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PasswordHasherBusyException() {
    super("The password hasher is saturated.", null, false, false);
  }
}
