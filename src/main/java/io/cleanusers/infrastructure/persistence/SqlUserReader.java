package io.cleanusers.infrastructure.persistence;

import io.cleanusers.application.query.Pagination;
import io.cleanusers.application.query.Sorting;
import io.cleanusers.application.query.UserListItem;
import io.cleanusers.application.query.UserPage;
import io.cleanusers.application.query.UserReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The read side of the user list: one SQL statement returns the page's columns and the count
 * of all users (one round trip, one snapshot), no entity loading. Every row carries the total;
 * a page past the end is a single row of nulls but for the total. The ORDER BY column comes
 * from a closed set of fields, never from input.
 */
@ApplicationScoped
public class SqlUserReader implements UserReader {

  private static final String PAGE_AND_TOTAL = "select t.total, p.id, p.username, p.role,"
      + " p.is_active, p.created_at, p.updated_at from (select count(*) as total from users) t"
      + " left join lateral (select id, username, role, is_active, created_at, updated_at"
      + " from users order by %1$s %2$s, id %2$s limit ?1 offset ?2) p on true";

  @PersistenceContext(unitName = "clean-users")
  EntityManager em;

  @Override
  public UserPage list(Pagination pagination, Sorting sorting) {
    String direction = sorting.descending() ? "desc" : "asc";
    List<?> rows = em // a raw List in JPA's API
        .createNativeQuery(PAGE_AND_TOTAL.formatted(sorting.field().fieldName(), direction))
        .setParameter(1, pagination.limit())
        .setParameter(2, pagination.offset())
        .getResultList();
    long total = ((Number) ((Object[]) rows.get(0))[0]).longValue();
    List<UserListItem> users = rows.stream()
        .map(Object[].class::cast)
        .filter(row -> row[1] != null)
        .map(SqlUserReader::toItem)
        .toList();
    return new UserPage(users, total);
  }

  private static UserListItem toItem(Object[] row) {
    return new UserListItem((UUID) row[1], (String) row[2], (String) row[3], (Boolean) row[4],
        SqlTimestamps.instant(row[5]), SqlTimestamps.instant(row[6]));
  }
}
