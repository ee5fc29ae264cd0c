package io.cleanusers.infrastructure.persistence;

import java.sql.SQLException;

/** Recognises PostgreSQL's unique-constraint violation (SQLSTATE 23505) in a cause chain. */
final class UniqueViolation {

  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueViolation() {}

  static boolean isCauseOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
