package io.cleanusers.tools.stress;

import io.cleanusers.it.support.Routes;
import io.cleanusers.it.support.TestDatabase;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code verify}: after a scenario, every acknowledged request of its journal left its effect
 * ({@link UserCheck} for each user, against the rows and sessions in the database and the password
 * that logs the user in), the {@link IntegrityQueries} find nothing, and the service serves again.
 * The database is the service's own, reached through {@link TestDatabase} with the settings the
 * service was given (scripts/stress.sh passes them as system properties). Writes verify.properties.
 */
final class Verifier {

  /** A user's row: its role and whether it is active. */
  private record Row(String role, boolean active) {}

  private final Options options;
  private final LoadClient api;
  private final ResultFile result = new ResultFile();

  Verifier(Options options) {
    this.options = options;
    this.api = new LoadClient(options.url(), Duration.ofSeconds(30));
  }

  int run() throws Exception {
    checkServing();
    Map<String, Row> rows = new HashMap<>();
    Set<String> sessions = new HashSet<>();
    readDatabase(rows, sessions);
    result.put("users_in_db", rows.size()).put("sessions_in_db", sessions.size());

    Map<String, List<JournalEntry>> journal = new LinkedHashMap<>();
    for (String line : Files.readAllLines(options.path("journal"))) {
      JournalEntry e = JournalEntry.parse(line);
      journal.computeIfAbsent(e.user(), u -> new ArrayList<>()).add(e);
    }
    Map<String, List<JournalEntry>> probed = new LinkedHashMap<>(journal);
    probed.keySet().retainAll(rows.keySet());
    probed.remove(options.get("root-user"));
    Map<String, String> passwords = new PasswordProbe(api, result).workingPasswords(probed);

    Tally tally = Tally.NONE;
    for (Map.Entry<String, List<JournalEntry>> user : journal.entrySet()) {
      Row row = rows.get(user.getKey());
      ObservedUser observed =
          new ObservedUser(
              row == null ? null : row.role(),
              row == null ? null : row.active(),
              sessions,
              passwords.get(user.getKey()));
      tally = tally.plus(UserCheck.check(user.getKey(), user.getValue(), observed));
    }
    report(tally);
    IntegrityQueries.run(result);
    return result.write(options.path("out").resolve("verify.properties"));
  }

  /** 200 on GET /api/v1/, a log-in as the super admin, and a user list with that session. */
  private void checkServing() {
    Answer status = api.send("GET", "/api/v1/", null, null);
    Answer login = api.login(options.get("root-user"), options.get("root-password"));
    Answer list =
        login.token() == null
            ? login
            : api.send("GET", Routes.USERS + "?limit=1", null, login.token());
    boolean serves = status.status() == 200 && login.status() == 204 && list.status() == 200;
    result.put("serves_again", serves ? "yes" : "no");
    System.out.printf(
        "  serving: GET /api/v1/ %s, super admin log-in %s, user list %s%n",
        status.statusText(), login.statusText(), list.statusText());
    if (!serves) {
      result.problem(
          "the service does not serve again (GET /api/v1/ "
              + status.statusText()
              + ", log-in "
              + login.statusText()
              + ", list "
              + list.statusText()
              + ")");
    }
  }

  private static void readDatabase(Map<String, Row> rows, Set<String> sessions)
      throws SQLException {
    try (Connection connection = TestDatabase.connect();
        Statement statement = connection.createStatement()) {
      try (ResultSet users =
          statement.executeQuery("select username, role, is_active from users")) {
        while (users.next()) {
          rows.put(users.getString(1), new Row(users.getString(2), users.getBoolean(3)));
        }
      }
      try (ResultSet ids = statement.executeQuery("select id from auth_sessions")) {
        while (ids.next()) {
          sessions.add(ids.getString(1));
        }
      }
    }
  }

  private void report(Tally tally) {
    int lost = tally.lost().size();
    result
        .put("acknowledged_checked", tally.acknowledged())
        .put("verified", tally.verified())
        .put("superseded", tally.superseded())
        .put("overwritten_by_unacknowledged", tally.overwrittenByUnacknowledged())
        .put("lost", lost)
        .put("unacknowledged", tally.unacknowledged())
        .put("unacknowledged_applied", tally.unacknowledgedApplied());
    System.out.printf(
        "  verify: %d acknowledged: %d verified, %d superseded by a later acknowledged request,"
            + " %d overwritten by an unacknowledged one, %d LOST%n",
        tally.acknowledged(),
        tally.verified(),
        tally.superseded(),
        tally.overwrittenByUnacknowledged(),
        lost);
    System.out.printf(
        "  verify: %d unacknowledged requests, %d of them visibly took effect%n",
        tally.unacknowledged(), tally.unacknowledgedApplied());
    if (lost > 0) {
      result.put("lost_examples", String.join("; ", tally.lost().subList(0, Math.min(10, lost))));
      result.problem(
          lost
              + " acknowledged requests lost: "
              + String.join("; ", tally.lost().subList(0, Math.min(5, lost))));
    }
  }
}
