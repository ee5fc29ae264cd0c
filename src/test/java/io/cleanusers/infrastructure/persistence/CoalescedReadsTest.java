package io.cleanusers.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Coalescing: a lone caller reads at once on its own thread, callers that wait behind a running
 * load share the next one, every caller gets its own row or its batch's failure, and no caller is
 * left waiting under contention.
 */
class CoalescedReadsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final List<Set<String>> batches = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  /** The rows of keys that start with "k": each key's row is its upper-case form. */
  private Map<String, String> rowsOf(Set<String> keys) {
    batches.add(Set.copyOf(keys));
    Map<String, String> rows = new HashMap<>();
    keys.stream().filter(k -> k.startsWith("k")).forEach(k -> rows.put(k, k.toUpperCase()));
    return rows;
  }

  @Test
  void a_lone_caller_reads_its_own_key_on_its_own_thread() {
    List<Thread> loadedOn = new ArrayList<>();
    CoalescedReads<String, String> reads =
        new CoalescedReads<>(
            2,
            64,
            keys -> {
              loadedOn.add(Thread.currentThread());
              return rowsOf(keys);
            });

    assertEquals(Optional.of("K1"), reads.read("k1"));
    assertEquals(Optional.empty(), reads.read("missing"));
    assertEquals(List.of(Set.of("k1"), Set.of("missing")), batches);
    assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), loadedOn);
  }

  @Test
  void callers_that_arrive_during_a_load_share_the_next_one_and_each_gets_its_row()
      throws Exception {
    CountDownLatch firstLoadMayEnd = new CountDownLatch(1);
    CoalescedReads<String, String> reads =
        new CoalescedReads<>(1, 64, blockingFirstLoad(firstLoadMayEnd));
    Future<Optional<String>> first = callers.submit(() -> reads.read("k0"));
    awaitBatches(1);

    List<String> keys = List.of("k1", "k2", "k2", "missing", "k3");
    List<Future<Optional<String>>> later = new ArrayList<>();
    for (String key : keys) {
      later.add(callers.submit(() -> reads.read(key)));
    }
    awaitParked(keys.size() + 1);
    firstLoadMayEnd.countDown();

    assertEquals(Optional.of("K0"), valueOf(first));
    List<Optional<String>> found = new ArrayList<>();
    for (Future<Optional<String>> f : later) {
      found.add(valueOf(f));
    }
    assertEquals(
        List.of(
            Optional.of("K1"),
            Optional.of("K2"),
            Optional.of("K2"),
            Optional.<String>empty(),
            Optional.of("K3")),
        found);
    assertEquals(List.of(Set.of("k0"), Set.of("k1", "k2", "missing", "k3")), batches);
  }

  @Test
  void a_failed_load_fails_each_of_its_callers_and_the_next_load_runs_again() throws Exception {
    RuntimeException outage = new IllegalStateException("connection refused");
    CountDownLatch firstLoadMayEnd = new CountDownLatch(1);
    Function<Set<String>, Map<String, String>> blocking = blockingFirstLoad(firstLoadMayEnd);
    CoalescedReads<String, String> reads =
        new CoalescedReads<>(
            1,
            64,
            keys -> {
              Map<String, String> rows = blocking.apply(keys);
              if (keys.contains("k-fails")) {
                throw outage;
              }
              return rows;
            });
    Future<Optional<String>> first = callers.submit(() -> reads.read("k0"));
    awaitBatches(1);
    Future<Optional<String>> failing = callers.submit(() -> reads.read("k-fails"));
    Future<Optional<String>> sameBatch = callers.submit(() -> reads.read("k1"));
    awaitParked(3);
    firstLoadMayEnd.countDown();

    assertEquals(Optional.of("K0"), valueOf(first));
    for (Future<Optional<String>> f : List.of(failing, sameBatch)) {
      ExecutionException thrown = assertThrows(ExecutionException.class, () -> valueOf(f));
      PersistenceException failure = (PersistenceException) thrown.getCause();
      assertSame(outage, failure.getCause());
    }
    assertEquals(Optional.of("K2"), reads.read("k2"));
  }

  @Test
  void no_caller_is_left_waiting_when_many_threads_read_through_few_small_batches() {
    CoalescedReads<String, String> reads = new CoalescedReads<>(2, 3, this::rowsOf);
    int threads = 16;
    int readsEach = 2_000;

    assertTimeoutPreemptively(
        PATIENCE,
        () -> {
          List<Future<Integer>> done = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            int offset = t * 7;
            done.add(
                callers.submit(
                    () -> {
                      for (int i = 0; i < readsEach; i++) {
                        String key = "k" + (offset + i) % 100;
                        assertEquals(Optional.of(key.toUpperCase()), reads.read(key));
                      }
                      return readsEach;
                    }));
          }
          for (Future<Integer> f : done) {
            assertEquals(readsEach, valueOf(f));
          }
        });
    assertTrue(batches.stream().allMatch(batch -> batch.size() <= 3), "no batch over its limit");
    assertTrue(batches.size() < threads * readsEach, "some reads were coalesced");
  }

  /** What the caller got, failing the test when it is still waiting after {@link #PATIENCE}. */
  private static <T> T valueOf(Future<T> caller) throws Exception {
    return caller.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  /** Loads as {@link #rowsOf}; the first load waits for the latch. */
  private Function<Set<String>, Map<String, String>> blockingFirstLoad(CountDownLatch mayEnd) {
    return keys -> {
      boolean first = batches.isEmpty();
      Map<String, String> rows = rowsOf(keys);
      if (first) {
        try {
          mayEnd.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return rows;
    };
  }

  private void awaitBatches(int count) {
    awaitUntil(() -> batches.size() >= count);
  }

  /** Waits until {@code count} caller threads wait: in a load's latch or parked for their row. */
  private void awaitParked(int count) {
    awaitUntil(() -> waitingCallers() >= count);
  }

  private static void awaitUntil(BooleanSupplier condition) {
    assertTimeoutPreemptively(
        PATIENCE,
        () -> {
          while (!condition.getAsBoolean()) {
            Thread.sleep(5);
          }
        });
  }

  private long waitingCallers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("pool-"))
        .filter(t -> t.getState() == Thread.State.WAITING)
        .filter(t -> isIn(t, "CoalescedReads"))
        .count();
  }

  private static boolean isIn(Thread thread, String className) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().endsWith(className)) {
        return true;
      }
    }
    return false;
  }
}
