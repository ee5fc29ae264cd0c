package io.cleanusers.tools.stress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** When a load ends: its time is up, or scripts/stress.sh has created the stop file. */
record StopSignal(long deadlineNanos, Path stopFile) {

  static StopSignal after(int seconds, Path stopFile) {
    return new StopSignal(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds), stopFile);
  }

  boolean given() {
    return System.nanoTime() > deadlineNanos || Files.exists(stopFile);
  }
}
