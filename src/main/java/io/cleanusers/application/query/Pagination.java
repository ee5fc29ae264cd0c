package io.cleanusers.application.query;

/**
 * A page of the user list: {@code limit} 1-1000 rows from {@code offset} on
 * (docs/contract/routes.md, "List users").
 */
public record Pagination(int limit, long offset) {

  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_LIMIT = 20;

  public Pagination {
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      throw new IllegalArgumentException("limit 1.." + MAX_LIMIT + ", offset >= 0");
    }
  }
}
