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
import java.util.stream.Stream;

/**
 * The read side of the user list: one SQL query for the page's columns and one count, no
 * entity loading. The ORDER BY column comes from a closed set of fields, never from input.
 */
@ApplicationScoped
public class SqlUserReader implements UserReader {

  private static final String PAGE = "select id, username, role, is_active, created_at,"
      + " updated_at from users order by %1$s %2$s, id %2$s limit ?1 offset ?2";

  @PersistenceContext(unitName = "clean-users")
  EntityManager em;

  @Override
  public UserPage list(Pagination pagination, Sorting sorting) {
    String direction = sorting.descending() ? "desc" : "asc";
    Stream<?> rows = em // a raw Stream in JPA's API
        .createNativeQuery(PAGE.formatted(sorting.field().fieldName(), direction))
        .setParameter(1, pagination.limit())
        .setParameter(2, pagination.offset())
        .getResultStream();
    List<UserListItem> users = rows.map(row -> toItem((Object[]) row)).toList();
    long total = ((Number) em.createNativeQuery("select count(*) from users")
        .getSingleResult()).longValue();
    return new UserPage(users, total);
  }

  private static UserListItem toItem(Object[] row) {
    return new UserListItem((UUID) row[0], (String) row[1], (String) row[2], (Boolean) row[3],
        SqlTimestamps.instant(row[4]), SqlTimestamps.instant(row[5]));
  }
}
