package io.cleanusers.infrastructure.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Hands log records to one writer thread, so that a request never waits for another request's line
 * to be formatted and written: with a handler shared by every request thread (one access-log line
 * per request) that lock was where concurrent requests queued up. The writer formats and writes
 * records in arrival order and flushes whenever the queue runs empty. After a flush it lets the
 * next lines gather for a few milliseconds: under load the writer then wakes up and writes once per
 * burst instead of once per couple of lines, and a request thread seldom has to wake a waiting
 * writer. Nothing is dropped: when the queue is full, the logging thread waits for room, and should
 * the writer be gone (its thread interrupted by the container), callers write their records
 * themselves. {@link #close()} stops the writer and writes whatever is still queued.
 */
final class AsyncLogHandler extends Handler {

  private static final int CAPACITY = 16_384;
  private static final int BATCH = 512;
  private static final long WAIT_MILLIS = 100;
  private static final long GATHER_MILLIS = 10;
  private static final long STOP_MILLIS = 5_000;
  private static final LogRecord STOP = new LogRecord(java.util.logging.Level.OFF, "stop");

  private final BlockingQueue<LogRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Consumer<LogRecord> write;
  private final Runnable flush;
  private final Thread writer;

  /** Writes each record with {@code write}, calls {@code flush} after each burst. */
  AsyncLogHandler(ThreadFactory threads, Consumer<LogRecord> write, Runnable flush) {
    this.write = write;
    this.flush = flush;
    this.writer = threads.newThread(this::drain);
    writer.setName("clean-users-log-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void publish(LogRecord record) {
    if (isLoggable(record)) {
      enqueue(record);
    }
  }

  @Override
  public void flush() {
    // The writer flushes after every burst; a caller has nothing to wait for.
  }

  @Override
  public void close() {
    enqueue(STOP);
    try {
      writer.join(STOP_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeHere(STOP); // whatever a caller queued after the writer stopped
  }

  /** Queues the record, or writes it here when the writer is gone (or this thread is stopped). */
  private void enqueue(LogRecord record) {
    try {
      while (writer.isAlive()) {
        if (queue.offer(record, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writeHere(record);
  }

  /** Writes what the writer left queued, then the record, on the caller's thread. */
  private void writeHere(LogRecord record) {
    List<LogRecord> left = new ArrayList<>();
    queue.drainTo(left);
    left.add(record);
    left.stream().filter(r -> r != STOP).forEach(this::writeSafely);
    flush.run();
  }

  private void drain() {
    List<LogRecord> batch = new ArrayList<>(BATCH);
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch, BATCH - 1);
        boolean stopped = false;
        for (LogRecord record : batch) {
          if (record == STOP) {
            stopped = true;
          } else {
            writeSafely(record);
          }
        }
        batch.clear();
        if (stopped) {
          flush.run();
          return;
        }
        if (queue.isEmpty()) {
          flush.run();
          Thread.sleep(GATHER_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeSafely(LogRecord record) {
    try {
      write.accept(record);
    } catch (RuntimeException e) {
      reportError("Writing a log record failed", e, java.util.logging.ErrorManager.WRITE_FAILURE);
    }
  }
}
