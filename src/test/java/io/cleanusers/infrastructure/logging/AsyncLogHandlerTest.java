package io.cleanusers.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The writer thread: every line written, in order per thread, none lost on close, flushed. */
class AsyncLogHandlerTest {

  private final List<String> written = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger flushes = new AtomicInteger();
  private final List<String> writerThreads = Collections.synchronizedList(new ArrayList<>());

  private AsyncLogHandler handler() {
    return new AsyncLogHandler(
        Thread::new,
        record -> {
          writerThreads.add(Thread.currentThread().getName());
          written.add(record.getMessage());
        },
        flushes::incrementAndGet);
  }

  @Test
  void writes_every_record_of_many_threads_in_each_threads_order_and_none_is_lost_on_close()
      throws Exception {
    AsyncLogHandler handler = handler();
    int threads = 8;
    int perThread = 5_000; // more than the queue holds: callers wait for room, nothing drops
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Callable<Void>> loggers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      loggers.add(
          () -> {
            for (int i = 0; i < perThread; i++) {
              handler.publish(new LogRecord(Level.INFO, thread + ":" + i));
            }
            return null;
          });
    }
    for (Future<Void> done : pool.invokeAll(loggers, 30, TimeUnit.SECONDS)) {
      done.get(); // rethrows what a logging thread threw; a timeout shows as cancellation
    }
    pool.shutdown();
    handler.close();

    assertEquals(threads * perThread, written.size());
    int[] next = new int[threads];
    for (String line : written) {
      String[] parts = line.split(":");
      int thread = Integer.parseInt(parts[0]);
      assertEquals(next[thread]++, Integer.parseInt(parts[1]), "order of thread " + thread);
    }
    assertTrue(flushes.get() >= 1, "flushed after writing");
  }

  @Test
  void records_are_written_off_the_callers_thread_and_below_the_level_not_at_all() {
    AsyncLogHandler handler = handler();
    handler.setLevel(Level.INFO);
    handler.publish(new LogRecord(Level.FINE, "debug"));
    handler.publish(new LogRecord(Level.INFO, "info"));
    handler.close();

    assertEquals(List.of("info"), written);
    assertNotEquals(Thread.currentThread().getName(), writerThreads.get(0));
  }

  @Test
  void when_the_writer_thread_is_gone_callers_write_their_records_themselves() throws Exception {
    List<Thread> made = new ArrayList<>();
    AsyncLogHandler handler =
        new AsyncLogHandler(
            task -> {
              Thread thread = new Thread(task);
              made.add(thread);
              return thread;
            },
            record -> written.add(record.getMessage()),
            flushes::incrementAndGet);
    made.get(0).interrupt(); // as a container may do to its managed threads at shutdown
    made.get(0).join(5_000);

    handler.publish(new LogRecord(Level.INFO, "after the writer"));

    assertEquals(List.of("after the writer"), written);
    handler.close();
    assertEquals(List.of("after the writer"), written);
  }
}
