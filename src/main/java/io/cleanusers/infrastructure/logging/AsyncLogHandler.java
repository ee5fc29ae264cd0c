package io.cleanusers.infrastructure.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Hands log records to one writer thread, so that a request never waits for another request's
 * line to be formatted and written: with a handler shared by every request thread (one line per
 * request, SPEC §10) that lock was where concurrent requests queued up. The writer formats and
 * writes records in arrival order and flushes whenever the queue runs empty. Nothing is dropped:
 * when the queue is full, the logging thread waits for room. {@link #close()} writes what is
 * queued, then stops the writer.
 */
final class AsyncLogHandler extends Handler {

  private static final int CAPACITY = 16_384;
  private static final int BATCH = 512;
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
    if (!isLoggable(record)) {
      return;
    }
    try {
      queue.put(record);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      write.accept(record); // the caller is being stopped: write it here rather than lose it
    }
  }

  @Override
  public void flush() {
    // The writer flushes after every burst; a caller has nothing to wait for.
  }

  @Override
  public void close() {
    try {
      queue.put(STOP);
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    List<LogRecord> batch = new ArrayList<>(BATCH);
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch, BATCH - 1);
        for (LogRecord record : batch) {
          if (record == STOP) {
            flush.run();
            return;
          }
          writeSafely(record);
        }
        batch.clear();
        if (queue.isEmpty()) {
          flush.run();
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
