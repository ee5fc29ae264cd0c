package io.cleanusers.tools.stress;

import java.util.Map;
import java.util.function.UnaryOperator;

/** The figures column of the summary table: one sentence per scenario from its result files. */
final class ScenarioFigures {

  private ScenarioFigures() {}

  /** The sentence for that scenario, from its {@code part.key} figures ("?" for a missing one). */
  static String describe(String scenario, Map<String, String> f) {
    UnaryOperator<String> g = k -> f.getOrDefault(k, "?");
    if (scenario.equals("outage")) {
      return "down "
          + g.apply("load.outage_seconds")
          + " s (+"
          + g.apply("load.crash_recovery_seconds")
          + " s crash recovery); throughput before "
          + g.apply("load.throughput_before")
          + "/s, during "
          + g.apply("load.throughput_during")
          + "/s "
          + g.apply("load.status_during")
          + ", after "
          + g.apply("load.throughput_after")
          + "/s; recovered in "
          + g.apply("load.recovery_seconds")
          + " s; max latency while down "
          + g.apply("load.max_latency_during_ms")
          + " ms (client timeout "
          + g.apply("load.client_timeout_s")
          + " s); 401: "
          + g.apply("load.unauthorized")
          + ", timeouts: "
          + g.apply("load.timeouts");
    }
    long setup = Long.parseLong(f.getOrDefault("load.setup_requests", "0"));
    long sent = Long.parseLong(f.getOrDefault("load.sent", "0")) + setup;
    String text =
        "sent "
            + sent
            + " ("
            + setup
            + " of them set-up), acknowledged "
            + g.apply("verify.acknowledged_checked")
            + ", verified "
            + g.apply("verify.verified")
            + ", superseded "
            + g.apply("verify.superseded")
            + "+"
            + g.apply("verify.overwritten_by_unacknowledged")
            + ", lost "
            + g.apply("verify.lost")
            + "; unacknowledged "
            + g.apply("verify.unacknowledged")
            + " ("
            + g.apply("verify.unacknowledged_applied")
            + " took effect); integrity violations "
            + g.apply("verify.integrity_violations")
            + "/"
            + g.apply("verify.integrity_checks")
            + " checks; serves again "
            + g.apply("verify.serves_again");
    if (scenario.equals("crash-service")) {
      return text
          + "; killed "
          + g.apply("events.kill_after_ms")
          + " ms into the load, serving "
          + g.apply("events.restart_seconds")
          + " s after restart";
    }
    return text
        + "; stopped "
        + g.apply("events.stop_after_ms")
        + " ms into the load for "
        + g.apply("events.down_seconds")
        + " s, first acknowledgement "
        + g.apply("load.first_ack_after_recovery_ms")
        + " ms after its return, "
        + g.apply("load.acknowledged_after_recovery")
        + " acknowledged after it";
  }
}
