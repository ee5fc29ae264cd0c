package io.cleanusers.infrastructure.persistence;

import io.cleanusers.application.query.Pagination;
import io.cleanusers.application.query.Sorting;
import io.cleanusers.application.query.UserListItem;
import io.cleanusers.application.query.UserPage;
import io.cleanusers.application.query.UserReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The read side of users over JDBC, no entity loading. A page is one SQL statement that returns its
 * columns and the count of all users, which the database keeps in {@code user_count} (migration V5)
 * rather than counting every row per page: one round trip, one snapshot. Every row carries the
 * total; a page past the end is a single row of nulls but for the total. The ORDER BY column comes
 * from a closed set of fields, never from input. One user is one row by id.
 *
 * <p>The page's limit and offset are written into the statement as numbers, not bound as
 * parameters. With {@code limit ? offset ?} PostgreSQL plans the statement anew on every execution:
 * its generic plan must guess how many rows the limit takes (a tenth of the table), which always
 * looks dearer than a plan made for the actual values, so it never settles on the generic one and
 * planning costs more than running the statement. Written out, the text of a page is the same on
 * every request for it, and the driver's prepared statement keeps its one plan. A page asked for
 * the first time is planned as every page was before.
 */
@ApplicationScoped
public class SqlUserReader implements UserReader {

  private static final String PAGE_AND_TOTAL =
      "select t.total, p.id, p.username, p.role,"
          + " p.is_active, p.created_at, p.updated_at from user_count t"
          + " left join lateral (select id, username, role, is_active, created_at, updated_at"
          + " from users order by %1$s %2$s, id %2$s limit %3$d offset %4$d) p on true";
  private final AutoCommitSql sql;

  @Inject
  public SqlUserReader(AutoCommitSql sql) {
    this.sql = sql;
  }

  /** For CDI's client proxy only. */
  protected SqlUserReader() {
    this(null);
  }

  @Override
  public UserPage list(Pagination pagination, Sorting sorting) {
    String direction = sorting.descending() ? "desc" : "asc";
    String page =
        String.format(
            Locale.ROOT, // ASCII digits whatever the server's locale
            PAGE_AND_TOTAL,
            sorting.field().fieldName(),
            direction,
            pagination.limit(),
            pagination.offset());
    return sql.query(page, List.of(), SqlUserReader::page);
  }

  private static UserPage page(ResultSet rows) throws SQLException {
    long total = 0;
    List<UserListItem> users = new ArrayList<>();
    while (rows.next()) {
      total = rows.getLong("total");
      if (rows.getObject("id") != null) {
        users.add(item(rows));
      }
    }
    return new UserPage(users, total);
  }

  private static UserListItem item(ResultSet rows) throws SQLException {
    return new UserListItem(
        rows.getObject("id", UUID.class),
        rows.getString("username"),
        rows.getString("role"),
        rows.getBoolean("is_active"),
        instant(rows, "created_at"),
        instant(rows, "updated_at"));
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }
}
