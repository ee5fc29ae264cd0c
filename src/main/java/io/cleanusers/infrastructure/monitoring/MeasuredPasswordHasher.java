package io.cleanusers.infrastructure.monitoring;

import io.cleanusers.application.common.port.ServiceMetrics;
import io.cleanusers.domain.user.PasswordHash;
import io.cleanusers.domain.user.PasswordHasher;
import io.cleanusers.domain.user.RawPassword;
import java.time.Duration;
import java.util.function.Supplier;

/** A {@link PasswordHasher} that reports how long each hash or check took. */
public final class MeasuredPasswordHasher implements PasswordHasher {

  private final PasswordHasher hasher;
  private final ServiceMetrics metrics;

  public MeasuredPasswordHasher(PasswordHasher hasher, ServiceMetrics metrics) {
    this.hasher = hasher;
    this.metrics = metrics;
  }

  @Override
  public PasswordHash hash(RawPassword password) {
    return timed(() -> hasher.hash(password));
  }

  @Override
  public boolean verify(RawPassword password, PasswordHash hash) {
    return timed(() -> hasher.verify(password, hash));
  }

  private <T> T timed(Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      metrics.passwordHashing(Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
