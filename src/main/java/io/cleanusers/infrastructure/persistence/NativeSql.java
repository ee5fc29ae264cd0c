package io.cleanusers.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** A native SQL statement with positional parameters ({@code ?1}, {@code ?2}, ...), run at once. */
public final class NativeSql {

  private NativeSql() {}

  /** Runs an insert, update or delete; returns the rows it touched. */
  public static int execute(EntityManager em, String sql, Object... parameters) {
    return bind(em.createNativeQuery(sql), parameters).executeUpdate();
  }

  /** The one row a statement returns (such as {@code ... returning a, b}), as its columns. */
  public static Object[] singleRow(EntityManager em, String sql, Object... parameters) {
    return (Object[]) bind(em.createNativeQuery(sql), parameters).getSingleResult();
  }

  private static Query bind(Query query, Object... parameters) {
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query;
  }
}
