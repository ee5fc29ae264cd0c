package io.cleanusers.infrastructure.security;

import io.cleanusers.domain.user.UserId;
import io.cleanusers.domain.user.UserIdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random bits; sortable by time. */
public final class UuidV7Generator implements UserIdGenerator {

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public UuidV7Generator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public UserId next() {
    long millis = clock.millis();
    long randA = random.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UserId(new UUID(msb, lsb));
  }
}
