package io.cleanusers.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls run at once (released together), for the races the contract must survive. */
public final class Parallel {

  /** One of the calls, told its index. */
  public interface Call {
    ApiResponse run(int index);
  }

  private Parallel() {}

  /** The answers in call order, each awaited at most the timeout. */
  public static List<ApiResponse> responses(int count, Duration timeout, Call call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ApiResponse>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.run(index);
                }));
      }
      start.countDown();
      List<ApiResponse> responses = new ArrayList<>();
      for (Future<ApiResponse> future : futures) {
        responses.add(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The statuses in call order, each awaited at most 120 s. */
  public static List<Integer> statuses(int count, Call call) throws Exception {
    return responses(count, Duration.ofSeconds(120), call).stream()
        .map(ApiResponse::status)
        .toList();
  }
}
