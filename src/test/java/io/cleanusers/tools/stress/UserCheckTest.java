package io.cleanusers.tools.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checker of {@code make stress} sees each kind of lost write: a checker that cannot fail would
 * pass every run. One user's made-up journal (created, logged in, inactivated, reactivated, its
 * password changed, logged in again, then a grant without an answer) against what the database
 * could show after a crash.
 */
class UserCheckTest {

  private static final List<JournalEntry> JOURNAL =
      List.of(
          entry("ack|create|u1|201|1|exists=true,role=user,active=true,password=p1"),
          entry("ack|login|u1|204|2|session:S1=present"),
          entry("ack|inactivate|u1|204|3|active=false,sessions=none"),
          entry("ack|reactivate|u1|204|4|active=true"),
          entry("ack|change-password|u1|204|5|password=p2,sessions=none"),
          entry("ack|login|u1|204|6|session:S2=present"),
          entry("nak|grant|u1|no answer|7|role=admin"));

  private static JournalEntry entry(String line) {
    return JournalEntry.parse(line.replace('|', '\t'));
  }

  /** The counts as one line, so that a failure shows them all. */
  private static String counts(String role, Boolean active, Set<String> sessions, String password) {
    Tally t = UserCheck.check("u1", JOURNAL, new ObservedUser(role, active, sessions, password));
    return "acknowledged %d: verified %d, superseded %d, via unacknowledged %d, lost %d; applied %d"
        .formatted(
            t.acknowledged(),
            t.verified(),
            t.superseded(),
            t.overwrittenByUnacknowledged(),
            t.lost().size(),
            t.unacknowledgedApplied());
  }

  @Test
  void every_write_there_is_verified_and_the_older_ones_superseded() {
    assertEquals(
        "acknowledged 6: verified 4, superseded 2, via unacknowledged 0, lost 0; applied 0",
        counts("user", true, Set.of("S2"), "p2"));
  }

  @Test
  void an_unanswered_grant_that_took_effect_is_accepted_and_counted() {
    assertEquals(
        "acknowledged 6: verified 3, superseded 2, via unacknowledged 1, lost 0; applied 1",
        counts("admin", true, Set.of("S2"), "p2"));
  }

  @Test
  void a_lost_password_change_is_seen() {
    assertEquals(
        "acknowledged 6: verified 3, superseded 2, via unacknowledged 0, lost 1; applied 0",
        counts("user", true, Set.of("S2"), "p1"));
    Tally t = UserCheck.check("u1", JOURNAL, new ObservedUser("user", true, Set.of("S2"), "p1"));
    assertEquals(List.of("change-password u1 (204): password expected p2 found p1"), t.lost());
  }

  @Test
  void a_lost_reactivation_is_seen() {
    assertEquals(
        "acknowledged 6: verified 3, superseded 2, via unacknowledged 0, lost 1; applied 0",
        counts("user", false, Set.of("S2"), "p2"));
  }

  @Test
  void a_lost_session_is_seen() {
    assertEquals(
        "acknowledged 6: verified 3, superseded 2, via unacknowledged 0, lost 1; applied 0",
        counts("user", true, Set.of(), "p2"));
  }

  @Test
  void a_lost_user_is_seen_in_every_write_not_superseded() {
    assertEquals(
        "acknowledged 6: verified 0, superseded 2, via unacknowledged 0, lost 4; applied 0",
        counts(null, null, Set.of(), null));
  }

  @Test
  void a_journal_line_reads_back_as_written() {
    JournalEntry entry = JOURNAL.get(4);
    assertEquals(entry, JournalEntry.parse(entry.line()));
  }
}
