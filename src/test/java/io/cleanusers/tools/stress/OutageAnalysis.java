package io.cleanusers.tools.stress;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The read load's samples against the outage's moments (the events file scripts/stress.sh writes:
 * down when pg_ctl stop has returned, restart when pg_ctl start is called, up when it accepts
 * again): throughput before, during and after, status codes and latencies while down, and how soon
 * after the return throughput is back. The targets: only 503 while down, no 401, nothing past the
 * client timeout, 90 % of the earlier throughput within 10 s.
 */
final class OutageAnalysis {

  /** The events file's key of the moment the database went down. */
  static final String DOWN = "down_epoch_ms";

  /** One request: start and end (epoch ms), latency (µs), status. */
  record Sample(long start, long end, long micros, int status) {
    static Sample of(Answer a) {
      return new Sample(a.startMillis(), a.endMillis(), a.micros(), a.status());
    }
  }

  private final List<Sample> samples;
  private final long down;
  private final long restart;
  private final long up;
  private final long end;
  private final long warmedUp;

  /** Samples of a load that began at {@code started} (epoch ms), with the outage's events. */
  OutageAnalysis(List<Sample> samples, long started, Map<String, String> events) {
    this.samples = List.copyOf(samples);
    this.down = Long.parseLong(events.get(DOWN));
    this.restart = Long.parseLong(events.get("restart_epoch_ms"));
    this.up = Long.parseLong(events.get("up_epoch_ms"));
    this.end = samples.stream().mapToLong(Sample::end).max().orElse(up);
    this.warmedUp = started + 2000;
  }

  ResultFile result(int timeoutSeconds) {
    List<Sample> before =
        samples.stream().filter(s -> s.start() >= warmedUp && s.end() < down).toList();
    List<Sample> during =
        samples.stream().filter(s -> s.start() >= down && s.end() < restart).toList();
    double beforeRate = count(before, 200) / ((down - warmedUp) / 1000.0);
    double duringRate = during.size() / ((restart - down) / 1000.0);
    long recoveredAt = recoveredAt(beforeRate);
    double afterRate =
        recoveredAt < 0
            ? 0
            : okEnding(recoveredAt, end) / Math.max(0.001, (end - recoveredAt) / 1000.0);
    double recoverySeconds = recoveredAt < 0 ? -1 : (recoveredAt - up) / 1000.0;

    Map<String, Long> duringStatus = statusCounts(during);
    Map<String, Long> allStatus = statusCounts(samples);
    long maxDuringMs = during.stream().mapToLong(Sample::micros).max().orElse(0) / 1000;
    long maxMs = samples.stream().mapToLong(Sample::micros).max().orElse(0) / 1000;
    long timeouts = count(samples, Answer.TIMED_OUT);
    long unauthorized = count(samples, 401);

    ResultFile result = new ResultFile();
    result
        .put("requests", samples.size())
        .put("outage_seconds", String.format("%.1f", (restart - down) / 1000.0))
        .put("crash_recovery_seconds", String.format("%.1f", (up - restart) / 1000.0))
        .put("throughput_before", String.format("%.0f", beforeRate))
        .put("throughput_during", String.format("%.0f", duringRate))
        .put("throughput_after", String.format("%.0f", afterRate))
        .put("recovery_seconds", String.format("%.1f", recoverySeconds))
        .put("status_during", duringStatus)
        .put("status_all", allStatus)
        .put("max_latency_during_ms", maxDuringMs)
        .put("p99_latency_during_ms", String.format("%.0f", percentile(during, 0.99)))
        .put("max_latency_ms", maxMs)
        .put("client_timeout_s", timeoutSeconds)
        .put("timeouts", timeouts)
        .put("unauthorized", unauthorized);
    System.out.printf(
        "  read load: %d requests; before %.0f/s of 200, during the %.1f s outage"
            + " %.0f/s %s (max %d ms), after %.0f/s; recovered %.1f s after the return%n",
        samples.size(),
        beforeRate,
        (restart - down) / 1000.0,
        duringRate,
        duringStatus,
        maxDuringMs,
        afterRate,
        recoverySeconds);
    System.out.println("  read load: all statuses " + allStatus + ", max latency " + maxMs + " ms");

    if (before.isEmpty() || beforeRate <= 0) {
      result.problem("no successful reads before the outage");
    }
    if (during.isEmpty()) {
      result.problem("no request fell inside the outage");
    }
    if (!duringStatus.keySet().stream().allMatch("503"::equals)) {
      result.problem(
          "while the database was down the answers were " + duringStatus + " (only 503 expected)");
    }
    if (unauthorized > 0) {
      result.problem(unauthorized + " answers were 401");
    }
    if (timeouts > 0) {
      result.problem(timeouts + " requests hung past the " + timeoutSeconds + " s client timeout");
    }
    if (recoverySeconds < 0 || recoverySeconds > 10) {
      result.problem(
          "throughput did not reach 90 % of "
              + String.format("%.0f", beforeRate)
              + "/s within 10 s of the database's return (recovery "
              + recoverySeconds
              + " s)");
    }
    return result;
  }

  /**
   * The end of the first 1 s window after the return with at least 90 % of the earlier rate of
   * 200s, windows sliding by 100 ms; -1 when none does.
   */
  private long recoveredAt(double beforeRate) {
    for (long t = up; t + 1000 <= end; t += 100) {
      if (okEnding(t, t + 1000) >= 0.9 * beforeRate) {
        return t + 1000;
      }
    }
    return -1;
  }

  /** The 200s after the return that ended in [from, to). */
  private long okEnding(long from, long to) {
    return samples.stream()
        .filter(s -> s.status() == 200 && s.end() >= up && s.end() >= from && s.end() < to)
        .count();
  }

  static long count(List<Sample> samples, int status) {
    return samples.stream().filter(s -> s.status() == status).count();
  }

  static double percentile(List<Sample> samples, double q) {
    if (samples.isEmpty()) {
      return 0;
    }
    long[] sorted = samples.stream().mapToLong(Sample::micros).sorted().toArray();
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1000.0;
  }

  static Map<String, Long> statusCounts(List<Sample> samples) {
    return samples.stream()
        .collect(
            Collectors.groupingBy(
                s -> Answer.text(s.status()), TreeMap::new, Collectors.counting()));
  }
}
