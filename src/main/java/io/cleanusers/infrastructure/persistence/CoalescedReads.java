package io.cleanusers.infrastructure.persistence;

import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Reads by key that arrive together share one statement. A caller queues its key; whoever gets one
 * of the few loader slots takes every key waiting, loads them in one batch and hands each caller
 * its row, while the others wait. A caller alone loads its own key at once, on its own thread, so
 * coalescing costs no latency when the service is quiet; under load each statement serves many
 * requests, and the database and the driver spend their per-statement cost once per batch.
 *
 * <p>Every read still starts after its caller asked: a batch is taken from the queue only when a
 * loader starts, so it sees whatever was committed before any of its callers arrived.
 *
 * <p>A caller whose key is still queued when a loader finishes is woken to load the rest, so no key
 * waits for a load that never comes. A failed batch fails each of its callers.
 *
 * @param <K> the key
 * @param <V> the row read for a key
 */
public final class CoalescedReads<K, V> {

  private final ConcurrentLinkedQueue<Pending<K, V>> waiting = new ConcurrentLinkedQueue<>();
  private final Semaphore loaders;
  private final int maxBatch;
  private final Function<Set<K>, Map<K, V>> load;

  /**
   * @param loaders how many batches may be loading at once
   * @param maxBatch the most keys in one batch
   * @param load reads the rows of the given keys; a key without a row is left out of the map
   */
  public CoalescedReads(int loaders, int maxBatch, Function<Set<K>, Map<K, V>> load) {
    this.loaders = new Semaphore(loaders);
    this.maxBatch = maxBatch;
    this.load = load;
  }

  /** The row of {@code key}, read by this thread or together with other callers' keys. */
  public Optional<V> read(K key) {
    Pending<K, V> mine = new Pending<>(key, Thread.currentThread());
    waiting.add(mine);
    boolean interrupted = false;
    while (!mine.isDone()) {
      if (!(loaders.tryAcquire() && loadOneBatch())) {
        LockSupport.park(this);
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return mine.result();
  }

  /**
   * Loads the keys waiting now, holding a loader slot taken by the caller; false when another
   * loader had already taken them all.
   */
  private boolean loadOneBatch() {
    try {
      List<Pending<K, V>> batch = new ArrayList<>();
      for (Pending<K, V> next; batch.size() < maxBatch && (next = waiting.poll()) != null; ) {
        batch.add(next);
      }
      if (!batch.isEmpty()) {
        complete(batch);
      }
      return !batch.isEmpty();
    } finally {
      loaders.release();
      Pending<K, V> first = waiting.peek();
      if (first != null) {
        LockSupport.unpark(first.owner);
      }
    }
  }

  private void complete(List<Pending<K, V>> batch) {
    Set<K> keys = new LinkedHashSet<>();
    batch.forEach(pending -> keys.add(pending.key));
    Map<K, V> rows;
    try {
      rows = load.apply(keys);
    } catch (RuntimeException failure) {
      batch.forEach(pending -> pending.fail(failure));
      return;
    } catch (Error fatal) { // the loader's thread gets the error; no caller may wait forever
      batch.forEach(pending -> pending.fail(new IllegalStateException(fatal)));
      throw fatal;
    }
    batch.forEach(pending -> pending.succeed(rows.get(pending.key)));
  }

  /** One caller's key, and what became of it. */
  private static final class Pending<K, V> {
    final K key;
    final Thread owner;
    private volatile boolean done;
    private V row;
    private RuntimeException failure;

    Pending(K key, Thread owner) {
      this.key = key;
      this.owner = owner;
    }

    boolean isDone() {
      return done;
    }

    void succeed(V found) {
      row = found;
      finish();
    }

    void fail(RuntimeException cause) {
      failure = cause;
      finish();
    }

    private void finish() {
      done = true;
      LockSupport.unpark(owner);
    }

    /**
     * Read by the owner after {@link #isDone()}, whose volatile read publishes both fields. A
     * failure is wrapped, so that each caller throws an exception of its own with its own stack.
     */
    Optional<V> result() {
      if (failure != null) {
        throw new PersistenceException("Batched read failed: " + failure.getMessage(), failure);
      }
      return Optional.ofNullable(row);
    }
  }
}
