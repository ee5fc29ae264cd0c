package io.cleanusers.tools.stress;

import io.cleanusers.it.support.TestDatabase;
import java.util.List;

/**
 * The constraints a crash must not break (docs/reliability.md, "Crash durability"), as queries that
 * each count their violations in the service's database ({@link TestDatabase}).
 */
final class IntegrityQueries {

  /** A constraint by name, and the query that counts its violations. */
  private record Query(String name, String sql) {}

  private static final List<Query> QUERIES =
      List.of(
          new Query(
              "usernames unique regardless of case",
              "select count(*) from (select lower(username) from users group by 1"
                  + " having count(*) > 1) d"),
          new Query(
              "roles valid",
              "select count(*) from users where role not in ('super_admin', 'admin', 'user')"),
          new Query(
              "one super admin (the bootstrap one)",
              "select abs(count(*) - 1) from users where role = 'super_admin'"),
          new Query(
              "password hashes well-formed bcrypt",
              "select count(*) from users where"
                  + " password_hash !~ '^\\$2[ab]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}$'"),
          new Query(
              "sessions reference existing users",
              "select count(*) from auth_sessions s left join users u on u.id = s.user_id"
                  + " where u.id is null"),
          new Query(
              "no sessions of inactive users",
              "select count(*) from auth_sessions s join users u on u.id = s.user_id"
                  + " where not u.is_active"),
          new Query(
              "updated_at >= created_at",
              "select count(*) from users where updated_at < created_at"),
          new Query(
              "migrations all applied",
              "select count(*) from flyway_schema_history where not success"));

  private IntegrityQueries() {}

  /** Runs every query, prints its outcome, and counts checks and violations into the result. */
  static void run(ResultFile result) {
    long violations = 0;
    for (Query query : QUERIES) {
      long bad = TestDatabase.count(query.sql());
      violations += bad;
      System.out.printf(
          "  integrity: %-40s %s%n", query.name(), bad == 0 ? "ok" : bad + " VIOLATIONS");
      if (bad != 0) {
        result.problem("integrity: " + query.name() + ": " + bad + " violations");
      }
    }
    result.put("integrity_checks", QUERIES.size()).put("integrity_violations", violations);
  }
}
