package io.cleanusers.application.fakes;

import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserIdGenerator;
import java.util.UUID;

/** Hands out predictable ids: ...0001, ...0002, and so on. */
public final class SequentialUserIds implements UserIdGenerator {

  private long next = 1;

  @Override
  public UserId next() {
    return new UserId(new UUID(0x0000_0000_0000_7000L, 0x8000_0000_0000_0000L | next++));
  }
}
