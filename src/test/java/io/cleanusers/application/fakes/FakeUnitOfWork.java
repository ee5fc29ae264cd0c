package io.cleanusers.application.fakes;

import java.util.function.Supplier;

/**
 * Whether a unit of work is running, for the fakes whose real adapter joins the caller's one and
 * refuses to run without it ({@link InMemorySessionStore#deleteAllOf}). A unit of work started
 * inside another joins it, as {@code @UnitOfWork} does.
 */
public final class FakeUnitOfWork {

  private boolean running;

  /** Runs the work as one unit of work. */
  public <T> T call(Supplier<T> work) {
    if (running) {
      return work.get();
    }
    running = true;
    try {
      return work.get();
    } finally {
      running = false;
    }
  }

  /** Runs the work as one unit of work. */
  public void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }

  /** Refuses, as the real adapter does, when no unit of work is running. */
  void require() {
    if (!running) {
      throw new IllegalStateException("No unit of work is running");
    }
  }
}
