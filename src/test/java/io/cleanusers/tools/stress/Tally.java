package io.cleanusers.tools.stress;

import java.util.List;
import java.util.stream.Stream;

/**
 * The checker's counts, for one user or added up: each acknowledged request is verified, superseded
 * (a newer acknowledged request set the same fields), overwritten by an unacknowledged one, or lost
 * (with what is missing); and how many unacknowledged requests visibly took effect.
 */
record Tally(
    int acknowledged,
    int verified,
    int superseded,
    int overwrittenByUnacknowledged,
    int unacknowledged,
    int unacknowledgedApplied,
    List<String> lost) {

  static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, List.of());

  Tally {
    lost = List.copyOf(lost);
  }

  Tally plus(Tally other) {
    return new Tally(
        acknowledged + other.acknowledged,
        verified + other.verified,
        superseded + other.superseded,
        overwrittenByUnacknowledged + other.overwrittenByUnacknowledged,
        unacknowledged + other.unacknowledged,
        unacknowledgedApplied + other.unacknowledgedApplied,
        Stream.concat(lost.stream(), other.lost.stream()).toList());
  }
}
