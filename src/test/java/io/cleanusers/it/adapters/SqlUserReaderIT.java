package io.cleanusers.it.adapters;

import static io.cleanusers.it.support.Names.uniqueName;
import static io.cleanusers.it.support.Rows.countUsers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleanusers.application.query.Pagination;
import io.cleanusers.application.query.Sorting;
import io.cleanusers.application.query.SortingField;
import io.cleanusers.infrastructure.persistence.SqlUserReader;
import io.cleanusers.it.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The list's total comes from the count PostgreSQL keeps beside the users table: whatever writes
 * the table (the service, an operator's SQL, many sessions at once, a rollback, a truncation), the
 * total a page shows is the number of users in that page's snapshot.
 */
class SqlUserReaderIT {

  private static final String COUNT_MATCHES =
      "select (select total from user_count) = (select count(*) from users)";
  private static final String ADD_USERS =
      "insert into users select gen_random_uuid(), ? || n, repeat('x', 60), 'user', true, now(),"
          + " now() from generate_series(1, ?) n";
  private static final String REMOVE_USERS = "delete from users where username like ?";

  private final SqlUserReader reader = PostgresAdapters.userReader();

  @Test
  void total_follows_rows_added_and_removed_in_bulk_by_plain_sql() {
    String stem = stem();
    long before = countUsers();
    TestDatabase.update(ADD_USERS, stem, 25);
    assertCountMatches();
    assertTrue(total() >= before + 25, "a page shows the 25 new users in its total");
    TestDatabase.update(REMOVE_USERS, stem + "%");
    assertCountMatches();
  }

  @Test
  void total_is_right_after_many_sessions_write_at_once() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String stem = stem();
        done.add(
            writers.submit(
                () -> {
                  for (int round = 0; round < 10; round++) {
                    TestDatabase.update(ADD_USERS, stem + round + "x", 3);
                  }
                  return TestDatabase.update(REMOVE_USERS, stem + "1%");
                }));
      }
      for (Future<Integer> writer : done) {
        assertEquals(3, writer.get());
      }
    } finally {
      writers.shutdown();
    }
    assertCountMatches();
  }

  @Test
  void rolled_back_and_truncating_changes_leave_the_total_right() throws SQLException {
    try (Connection connection = TestDatabase.connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement add = connection.prepareStatement(ADD_USERS);
          Statement statement = connection.createStatement()) {
        add.setString(1, stem());
        add.setInt(2, 5);
        add.executeUpdate();
        statement.execute("truncate users cascade");
        var total = statement.executeQuery("select total from user_count");
        total.next();
        assertEquals(0, total.getLong(1), "a truncation empties the count too");
      } finally {
        connection.rollback();
      }
    }
    assertCountMatches();
  }

  private long total() {
    return reader.list(new Pagination(1, 0), new Sorting(SortingField.USERNAME, false)).total();
  }

  private static void assertCountMatches() {
    assertEquals(
        Boolean.TRUE,
        TestDatabase.value(COUNT_MATCHES).orElseThrow(),
        "user_count holds the number of users");
  }

  private static String stem() {
    return uniqueName("t").substring(0, 12);
  }
}
