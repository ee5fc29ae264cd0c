package io.cleanusers.application.fakes;

import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.PasswordHasher;
import io.cleanusers.domain.user.RawPassword;

/** The fake hasher, counting the verifications: each stands for one slow bcrypt check. */
public final class CountingPasswordHasher implements PasswordHasher {

  private final FakePasswordHasher hasher = new FakePasswordHasher();
  private int verifications;

  @Override
  public PasswordHash hash(RawPassword password) {
    return hasher.hash(password);
  }

  @Override
  public boolean verify(RawPassword password, PasswordHash hash) {
    verifications++;
    return hasher.verify(password, hash);
  }

  public int verifications() {
    return verifications;
  }

  public void forgetVerifications() {
    verifications = 0;
  }
}
