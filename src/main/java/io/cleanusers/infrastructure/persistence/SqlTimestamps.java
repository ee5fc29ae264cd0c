package io.cleanusers.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads a {@code timestamptz} column of a native query, whichever type the driver returns. */
public final class SqlTimestamps {

  private SqlTimestamps() {}

  public static Instant instant(Object column) {
    return column instanceof Timestamp ts
        ? ts.toInstant() : ((OffsetDateTime) column).toInstant();
  }
}
