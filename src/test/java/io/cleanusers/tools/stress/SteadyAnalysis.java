package io.cleanusers.tools.stress;

import static io.cleanusers.tools.stress.OutageAnalysis.count;
import static io.cleanusers.tools.stress.OutageAnalysis.percentile;
import static io.cleanusers.tools.stress.OutageAnalysis.statusCounts;

import io.cleanusers.tools.stress.OutageAnalysis.Sample;
import java.util.List;
import java.util.Map;

/**
 * The read load's samples when nothing is meant to fail (make cluster-check: an instance restarted
 * or killed behind HAProxy): throughput, status codes, latencies, and how many requests failed (any
 * answer but 200, no answer, a timeout). The target: none did; scripts/cluster-check.sh allows the
 * ones in flight on an instance it kills.
 */
final class SteadyAnalysis {

  private final List<Sample> samples;
  private final long started;

  /** Samples of a load that began at {@code started} (epoch ms). */
  SteadyAnalysis(List<Sample> samples, long started) {
    this.samples = List.copyOf(samples);
    this.started = started;
  }

  ResultFile result(int timeoutSeconds) {
    long end = samples.stream().mapToLong(Sample::end).max().orElse(started);
    long ok = count(samples, 200);
    long failed = samples.size() - ok;
    Map<String, Long> status = statusCounts(samples);
    double rate = ok / Math.max(0.001, (end - started) / 1000.0);
    ResultFile result = new ResultFile();
    result
        .put("requests", samples.size())
        .put("throughput", String.format("%.0f", rate))
        .put("failed", failed)
        .put("status_all", status)
        .put("p99_latency_ms", String.format("%.0f", percentile(samples, 0.99)))
        .put("max_latency_ms", samples.stream().mapToLong(Sample::micros).max().orElse(0) / 1000)
        .put("client_timeout_s", timeoutSeconds)
        .put("timeouts", count(samples, Answer.TIMED_OUT));
    System.out.printf(
        "  read load: %d requests, %.0f/s of 200, statuses %s%n", samples.size(), rate, status);
    if (failed > 0) {
      result.problem(failed + " reads failed: " + status);
    }
    return result;
  }
}
