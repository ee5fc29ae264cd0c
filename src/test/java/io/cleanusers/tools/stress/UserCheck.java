package io.cleanusers.tools.stress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checker: the journal of one user against what the verifier found of it. Requests are looked
 * at newest first: a field that a newer acknowledged request set is that request's to prove, so the
 * older one counts as superseded. A field an unacknowledged request would have set may hold either
 * value. {@code UserCheckTest} shows it each kind of lost write.
 */
final class UserCheck {

  private final String user;
  private final ObservedUser observed;
  private final Set<String> covered = new HashSet<>(); // fields a newer acknowledged request set
  private final Map<String, String> uncertain = new HashMap<>(); // what unacknowledged ones set
  private final List<String> lost = new ArrayList<>();
  private int acknowledged;
  private int verified;
  private int superseded;
  private int overwrittenByUnacknowledged;
  private int unacknowledged;
  private int unacknowledgedApplied;

  private UserCheck(String user, ObservedUser observed) {
    this.user = user;
    this.observed = observed;
  }

  /** The counts of one user's journal entries, oldest first. */
  static Tally check(String user, List<JournalEntry> entries, ObservedUser observed) {
    UserCheck check = new UserCheck(user, observed);
    for (int i = entries.size() - 1; i >= 0; i--) {
      JournalEntry entry = entries.get(i);
      if (entry.acknowledged()) {
        check.acknowledged(entry);
      } else {
        check.unacknowledged(entry);
      }
    }
    return new Tally(
        check.acknowledged,
        check.verified,
        check.superseded,
        check.overwrittenByUnacknowledged,
        check.unacknowledged,
        check.unacknowledgedApplied,
        check.lost);
  }

  /** Counted as applied when every field it sets but "sessions" holds its value. */
  private void unacknowledged(JournalEntry e) {
    unacknowledged++;
    boolean applied =
        e.sets().entrySet().stream()
            .filter(s -> !s.getKey().equals("sessions"))
            .allMatch(s -> s.getValue().equals(observed.value(s.getKey())));
    if (applied && !e.sets().isEmpty() && !e.sets().keySet().equals(Set.of("sessions"))) {
      unacknowledgedApplied++;
    }
    uncertain.putAll(e.sets());
  }

  private void acknowledged(JournalEntry e) {
    acknowledged++;
    boolean sawOwnField = false;
    String missing = null;
    boolean viaUnacknowledged = false;
    for (Map.Entry<String, String> s : e.sets().entrySet()) {
      String field = s.getKey();
      if (field.equals("sessions")) {
        continue; // "none": later log-ins may add sessions; the integrity queries cover it
      }
      boolean sessionsCleared = field.startsWith("session:") && covered.contains("sessions");
      if (covered.contains(field) || sessionsCleared) {
        continue;
      }
      sawOwnField = true;
      String actual = observed.value(field);
      if (s.getValue().equals(actual)) {
        continue;
      }
      boolean clearedByUnacknowledged =
          field.startsWith("session:") && uncertain.containsKey("sessions");
      if (clearedByUnacknowledged || actual.equals(uncertain.get(field))) {
        viaUnacknowledged = true;
      } else if (missing == null) {
        missing = field + " expected " + s.getValue() + " found " + actual;
      }
    }
    if (!sawOwnField) {
      superseded++;
    } else if (missing != null) {
      lost.add(e.op() + " " + user + " (" + e.status() + "): " + missing);
    } else if (viaUnacknowledged) {
      overwrittenByUnacknowledged++;
    } else {
      verified++;
    }
    covered.addAll(e.sets().keySet());
  }
}
